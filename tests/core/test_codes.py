"""Currency codes offered and accepted: money people budget in, not gold or testing codes."""
from dialogues.core import codes


def test_currency_choices_are_money_people_use(app):
    with app.test_request_context():
        offered = {code for code, _ in codes.currency_choices()}
    assert {"XOF", "XAF", "MZN", "BRL", "GBP", "USD"} <= offered
    assert not offered & {"XAU", "XTS", "XXX", "XDR", "BOV"}
    assert codes.is_currency("XOF") and not codes.is_currency("XAU") and not codes.is_currency("ZZZ")
