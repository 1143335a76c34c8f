"""A line or item that opens with a label of its own: "Salary: £36,480 - £40,215", "Reports to:
Niamh Corrigan", "Hybrid working: three days a week…".

One pattern for every reader of research that meets such lines (a PDF's lines, the splitter's
sentence ends, a list item said as a sentence), so they agree on what a label is: at most four
words, the first capitalised or a figure, then a colon and the value.
"""

from __future__ import annotations

import re

# The label is group 1; what it labels starts after the colon's spaces.
LABELLED = re.compile(r"^([A-Z0-9][\w'’&/+()-]*(?: [\w'’&/+()-]+){0,3}): +(?=\S)")
