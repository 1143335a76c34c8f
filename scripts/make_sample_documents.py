"""Regenerate the binary files of the sample packs (the PDF annual review and the Word CV).

The text lives here so the binaries can be rebuilt and reviewed. Needs fpdf2 and python-docx,
which the app itself does not use for writing: `pip install fpdf2 python-docx`, then
`python scripts/make_sample_documents.py`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from docx import Document
from fpdf import FPDF

KNOWLEDGE = Path(__file__).resolve().parent.parent / "knowledge"

ANNUAL_REVIEW = [
    (
        "Larkspur Health 2025 Annual Review",
        [
            "A letter from our CEO",
            "2025 was the year Larkspur stopped being a Minnesota company. We now work with 140 "
            "clinics in nine states, and for the first time more of our patients live outside "
            "Minnesota than inside it. We grew without losing what made clinics choose us: a "
            "product built around the nurse's day, not around a dashboard.",
            "We also learned hard lessons. On March 12 Trellis was unavailable for six hours "
            "after a database migration went wrong. Nurses fell back to phone lists. We published "
            "the full postmortem to every partner clinic within a week and changed how we ship "
            "database changes: every migration now runs first against a copy of production data.",
            "Dr. Amara Okafor, co-founder and CEO",
        ],
    ),
    (
        "2025 in numbers",
        [
            "Revenue: $31 million, up 46 percent from $21.2 million in 2024.",
            "Net revenue retention: 118 percent.",
            "Partner clinics: 140, up from 96 at the end of 2024.",
            "Actively monitored patients: 41,000, up from 27,500.",
            "Employees: 230, of whom 34 percent work in engineering and 12 percent in clinical "
            "operations.",
            "Median time from a high-risk alert to acknowledgement: 11 minutes, down from 19.",
            "Readmissions: in a study with the University of Minnesota School of Public Health, "
            "monitored heart and diabetes patients at partner clinics had 17 percent fewer "
            "30-day hospital readmissions than matched patients who were not monitored.",
        ],
    ),
    (
        "Product highlights",
        [
            "Trellis alert grouping cut the number of alerts each nurse sees by 38 percent without "
            "missing any readings the clinical safety committee classed as urgent.",
            "Larkspur Insights reached 95 clinics in its first full year. The most used report is "
            "billable monitoring minutes; the least used is the readmission risk score, which "
            "administrators told us they do not yet trust. Making that score explainable is a "
            "2026 priority for the Insights team.",
            "Quillmark summaries, from the team we acquired in 2024, now draft a two-line summary "
            "of each patient's last visit inside Trellis. Nurses accept the draft unchanged 71 "
            "percent of the time.",
            "The Seedling pilot with Ramsey County reached about 900 families.",
        ],
    ),
    (
        "Looking ahead to 2026",
        [
            "We plan to launch in Texas with two community health centre networks in the first "
            "half of the year.",
            "Our goal is 75,000 actively monitored patients by the end of 2026.",
            "Insights version 2 will explain every readmission risk score in plain language and "
            "let administrators compare clinics with similar patient populations.",
            "We will keep our commitment that no change to alert thresholds ships without review "
            "by the clinical safety committee chaired by Dr. Ben Adeyemi.",
        ],
    ),
]

CV = {
    "name": "Sam Rivera",
    "contact": "Minneapolis, MN · sam.rivera@example.com · (612) 555-0147",
    "summary": (
        "Product data analyst with seven years in analytics, including three years leading a "
        "team. I like turning messy product questions into experiments and short, clear memos."
    ),
    "experience": [
        (
            "Product Data Analyst, Brightpath Fitness (Minneapolis), 2024 to present",
            [
                "Analyse engagement for a fitness app with 600,000 monthly users.",
                "Designed the A/B test of a new onboarding flow that raised 30-day retention "
                "from 21 to 26 percent.",
                "Rebuilt the team's dbt models and cut the nightly build from 50 to 12 minutes.",
            ],
        ),
        (
            "Career break, 2023",
            ["Eight months caring for a family member after surgery."],
        ),
        (
            "Senior Analytics Manager, Northbeam Retail (Chicago), 2019 to 2022",
            [
                "Led a team of four analysts supporting pricing and e-commerce.",
                "Owned the weekly trading report read by the executive team.",
                "Introduced experiment reviews; the team ran 40 tests in 2022.",
            ],
        ),
        (
            "Data Analyst, Lakeside Credit Union (Minneapolis), 2017 to 2019",
            ["Built churn reports and the first member-satisfaction survey analysis."],
        ),
    ],
    "education": "MSc Applied Statistics, University of Minnesota, 2017",
    "skills": "SQL, Python (pandas, statsmodels), dbt, Looker, Snowflake, experiment design",
}


def write_annual_review(path: Path) -> None:
    pdf = FPDF()
    pdf.set_auto_page_break(auto=True, margin=20)
    for title, paragraphs in ANNUAL_REVIEW:
        pdf.add_page()
        pdf.set_font("Helvetica", "B", 18)
        pdf.multi_cell(0, 10, title)
        pdf.ln(4)
        pdf.set_font("Helvetica", size=11)
        for paragraph in paragraphs:
            pdf.multi_cell(0, 6, paragraph)
            pdf.ln(3)
    pdf.output(str(path))


def write_cv(path: Path) -> None:
    document = Document()
    document.add_heading(CV["name"], level=0)
    document.add_paragraph(CV["contact"])
    document.add_heading("Summary", level=1)
    document.add_paragraph(CV["summary"])
    document.add_heading("Experience", level=1)
    for role, points in CV["experience"]:
        document.add_heading(role, level=2)
        for point in points:
            document.add_paragraph(point, style="List Bullet")
    document.add_heading("Education", level=1)
    document.add_paragraph(CV["education"])
    document.add_heading("Skills", level=1)
    document.add_paragraph(CV["skills"])
    document.core_properties.created = datetime(2025, 10, 1, tzinfo=UTC)
    document.save(str(path))


if __name__ == "__main__":
    write_annual_review(KNOWLEDGE / "larkspur-health" / "annual-review-2025.pdf")
    write_cv(KNOWLEDGE / "sam-rivera" / "sam-rivera-cv.docx")
    print("wrote the sample PDF and DOCX")
