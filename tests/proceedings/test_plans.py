"""The proceedings' queries keep plans that grow linearly, whatever the planner's statistics say.

Each statement is captured as the proceedings send it and explained (EXPLAIN without
ANALYZE: the plan, not a timing). Nothing that runs once per row of an outer loop may scan,
sort or window a whole table: that is the quadratic plan issue 17 found (49 s at 10,000
commitments on a database without statistics).
"""
import sqlalchemy as sa

from bench.bench_proceedings import fill_large_event
from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.proceedings import services

# Plan nodes that cost a whole input each time they run.
WHOLE_INPUT = {"Seq Scan", "Sort", "WindowAgg", "Materialize", "Hash", "Subquery Scan", "Aggregate"}


def _statements(app, event_id):
    statements = []

    def listener(conn, cursor, statement, parameters, context, executemany):
        statements.append((statement, parameters))

    with app.app_context():
        sa.event.listen(db.engine, "before_cursor_execute", listener)
        try:
            services.event_proceedings(db.session.get(Event, event_id), everyone=True)
        finally:
            sa.event.remove(db.engine, "before_cursor_execute", listener)
    return statements


def _repeated_whole_inputs(node, repeated=False):
    """The node types run once per outer row (a nested loop's inner side, a correlated subplan) that read a whole input."""
    found = [node["Node Type"]] if repeated and node["Node Type"] in WHOLE_INPUT else []
    for position, child in enumerate(node.get("Plans", [])):
        inner = node["Node Type"] == "Nested Loop" and position == 1
        subplan = child.get("Parent Relationship") == "SubPlan"
        found += _repeated_whole_inputs(child, repeated or inner or subplan)
    return found


def test_commitments_take_their_latest_report_by_index(app, cast):
    with app.app_context():
        fill_large_event(cast.event.id, participants=200, items=30, commitments=300)
        db.session.commit()
    statements = _statements(app, cast.event.id)
    commitments = [(s, p) for s, p in statements if "commitment_updates" in s]
    assert len(commitments) == 1
    statement, parameters = commitments[0]
    with app.app_context(), db.engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            for statement, parameters in statements:
                plan = conn.exec_driver_sql(f"EXPLAIN (FORMAT JSON) {statement}", parameters).scalar()
                assert _repeated_whole_inputs(plan[0]["Plan"]) == [], (statement, plan)
        else:
            plan = " | ".join(row[-1] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters))
            assert plan.count("USING INDEX ix_commitment_updates_latest") == 2, plan
