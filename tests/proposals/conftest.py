from dataclasses import dataclass

import pytest

from dialogues.permissions import Role
from dialogues.programmes.enums import ProgrammeKind

PROPOSAL = {
    "title": "Mercury-free gold processing",
    "problem_statement": "Mercury use in ASM gold harms miners and communities.",
    "why_now": "The Minamata Convention national action plans are due.",
    "regions": ["africa", "latin_america"], "countries": ["GH", "PE"],
    "potential_partners": "UNEP, national ASM associations", "funding_prospects": "GEF planetGOLD",
}


def all_scores(value, comment=""):
    data = {}
    for n in range(1, 7):
        data[f"score_{n}"] = str(value if isinstance(value, int) else value[n - 1])
        data[f"comment_{n}"] = comment
    return data


@dataclass
class Committee:
    series: object
    other_series: object
    convener: object
    members: list
    secretariat: object
    outsider: object
    other_convener: object


@pytest.fixture
def committee(make_programme, make_user) -> Committee:
    series = make_programme(kind=ProgrammeKind.DIALOGUE_SERIES, title="ASM Dialogue")
    other = make_programme(kind=ProgrammeKind.DIALOGUE_SERIES, title="Another series")
    return Committee(
        series=series, other_series=other,
        convener=make_user("convener@example.org", "Chidi Convener", roles=[(Role.CONVENER, series)]),
        members=[make_user(f"member{n}@example.org", f"Member {n}", roles=[(Role.STEERING_COMMITTEE, series)])
                 for n in range(1, 4)],
        secretariat=make_user("secretariat@example.org", "Sam", roles=[(Role.SECRETARIAT, None)]),
        outsider=make_user("outsider@example.org", "Olga"),
        other_convener=make_user("other@example.org", "Otto", roles=[(Role.CONVENER, other)]),
    )


@pytest.fixture
def proposal_id(committee, make_client):
    member = make_client()
    member.login(committee.members[0].email)
    response = member.submit(f"/series/{committee.series.id}/proposals/new", PROPOSAL)
    assert response.status_code == 302, response.get_data(as_text=True)
    return int(response.headers["Location"].rsplit("/", 1)[1])


@pytest.fixture
def as_member(make_client, committee):
    def login(n):
        client = make_client()
        client.login(committee.members[n].email)
        return client
    return login
