"""The typical steps of preparing and running a dialogue (TFD), with when each is due."""

# (title, days before the first day when it is due; 0 is the first day, negative after it)
TYPICAL_STEPS: tuple[tuple[str, int], ...] = (
    ("Issue identification and clarification", 120),
    ("Preparatory work and background papers", 60),
    ("Translation for all participants", 21),
    ("Introduction of stakeholders", 0),
    ("Ground rules", 0),
    ("Sharing of experience", 0),
    ("Exploration of views", 0),
    ("Analysis and reasoned argument", 0),
    ("Decisions on action steps or recommendations", -1),
)
