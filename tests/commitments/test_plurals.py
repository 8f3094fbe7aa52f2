"""The follow-up dashboard counts in words that agree with the number."""


def test_one_commitment_is_counted_in_the_singular(client_as, cast, make_commitment):
    make_commitment()
    page = client_as("convener").get(f"/events/{cast.event.id}/follow-up").get_data(as_text=True)
    assert "1 commitment;" in page and "1 commitments" not in page
