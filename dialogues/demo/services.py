"""The demonstration data set."""


def seed_demo() -> list[tuple[str, str, str]]:
    return []
