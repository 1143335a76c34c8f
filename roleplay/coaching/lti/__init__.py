"""LTI 1.3: the app as a tool that learning platforms (Canvas, Moodle, Blackboard, Brightspace)
launch, on the maintained ``pylti1p3`` library."""
