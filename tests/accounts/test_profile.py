"""A person's profile: organisation, stakeholder group, gender, languages, all validated."""
import sqlalchemy as sa

from dialogues.accounts.enums import Gender, OrganisationKind, StakeholderGroup
from dialogues.accounts.models import Organisation, User
from dialogues.extensions import db

PROFILE = {
    "name": "Ana María Quispe Mamani", "preferred_language": "es", "country": "BO",
    "organisation_name": "Cooperativa Minera Señor de Mayo", "organisation_kind": "asm_association",
    "stakeholder_group": "asm", "gender": "woman", "gender_self_description": "",
    "languages": ["es", "qu"],
}


def test_profile_is_saved_and_organisation_created(client, make_user, app):
    user = make_user("ana@example.org")
    client.login("ana@example.org")
    assert client.submit("/profile", PROFILE).status_code == 302
    with app.app_context():
        saved = db.session.get(User, user.id)
        assert (saved.name, saved.country, saved.stakeholder_group, saved.gender, saved.languages) == (
            "Ana María Quispe Mamani", "BO", StakeholderGroup.ASM, Gender.WOMAN, ["es", "qu"])
        assert (saved.organisation.name, saved.organisation.kind) == ("Cooperativa Minera Señor de Mayo", OrganisationKind.ASM_ASSOCIATION)
    page = client.get("/profile").get_data(as_text=True)
    assert 'value="Cooperativa Minera Señor de Mayo"' in page


def test_same_organisation_in_other_case_is_reused(client, make_user, app):
    make_user("ana@example.org")
    make_user("rosa@example.org")
    client.login("ana@example.org")
    client.submit("/profile", PROFILE)
    client.logout()
    client.login("rosa@example.org")
    client.submit("/profile", PROFILE | {"name": "Rosa", "organisation_name": "cooperativa minera  señor de mayo"})
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Organisation)) == 1


def test_self_described_gender_needs_words(client, make_user, app):
    user = make_user("kim@example.org")
    client.login("kim@example.org")
    response = client.submit("/profile", PROFILE | {"gender": "self_described"})
    assert "Describe your gender in your own words" in response.get_data(as_text=True)
    client.submit("/profile", PROFILE | {"gender": "self_described", "gender_self_description": "Non-binary"})
    with app.app_context():
        assert db.session.get(User, user.id).gender_display == "Non-binary"


def test_codes_are_validated(client, make_user):
    make_user("ana@example.org")
    client.login("ana@example.org")
    response = client.submit("/profile", PROFILE | {"country": "Bolivia", "languages": ["es", "spanish"],
                                                    "stakeholder_group": "miners"})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert page.count("Not a valid choice") >= 2
    assert "&#39;spanish&#39; is not a valid choice" in page or "'spanish' is not a valid choice" in page
    assert 'value="Ana María Quispe Mamani"' in page


def test_profile_needs_login(client):
    response = client.get("/profile")
    assert response.status_code == 302 and "/login?next=%2Fprofile" in response.headers["Location"]
