"""Pages for preparing a dialogue: the checklist of typical steps, and background papers."""
from io import BytesIO

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from dialogues.core.views import child_or_404, confirm_page, run_service
from dialogues.events.models import Event
from dialogues.extensions import db
from dialogues.files.models import StoredFile
from dialogues.files.services import human_size
from dialogues.permissions import Action, authorize, can
from dialogues.preparation import services
from dialogues.preparation.forms import NewTaskForm, PaperForm, TaskForm, TickForm
from dialogues.preparation.models import BackgroundPaper, PreparationTask

bp = Blueprint("preparation", __name__)


def _visible_tasks(event: Event) -> list[PreparationTask]:
    """All steps for those who prepare the event, a step owner's own steps for them, else 403."""
    tasks = services.tasks_of(event)
    if can(current_user, Action.PREPARE_EVENT, event):
        return tasks
    own = [t for t in tasks if can(current_user, Action.TICK_PREPARATION_TASK, t)]
    if not own:
        authorize(Action.PREPARE_EVENT, event)
    return own


# The checklist

def _render_checklist(event: Event, new_task_form: NewTaskForm):
    tasks = _visible_tasks(event)
    return render_template("preparation/checklist.html", event=event, tasks=tasks, today=event.today,
                           progress=services.progress(tasks, event.today), new_task_form=new_task_form)


@bp.get("/events/<int:event_id>/preparation")
@login_required
def checklist(event_id: int):
    """The event's preparation steps, with owners, due dates and what is done or late."""
    event = db.get_or_404(Event, event_id)
    return _render_checklist(event, NewTaskForm(formdata=None))


@bp.post("/events/<int:event_id>/preparation")
@login_required
def create_checklist(event_id: int):
    """Start the checklist with the typical steps of a dialogue."""
    event = db.get_or_404(Event, event_id)
    authorize(Action.PREPARE_EVENT, event)
    if run_service(services.create_checklist, event, actor=current_user):
        flash("The checklist is ready. Give each step an owner.", "success")
    return redirect(url_for(".checklist", event_id=event.id))


@bp.post("/events/<int:event_id>/preparation/tasks")
@login_required
def add_task(event_id: int):
    """Add a step of the event's own to its checklist."""
    event = db.get_or_404(Event, event_id)
    authorize(Action.PREPARE_EVENT, event)
    form = NewTaskForm()
    if not form.validate_on_submit():
        return _render_checklist(event, form)
    if run_service(services.add_task, event, form.title.data, due_on=form.due_on.data, actor=current_user):
        flash("Step added.", "success")
    return redirect(url_for(".checklist", event_id=event.id))


def _owner_choices(task: PreparationTask) -> list:
    people = services.possible_owners(task.event)
    # Someone who has since lost their role stays listed, so the form does not drop them silently.
    if task.owner is not None and task.owner not in people:
        people.append(task.owner)
    return people


@bp.route("/events/<int:event_id>/preparation/tasks/<int:task_id>", methods=["GET", "POST"])
@login_required
def edit_task(event_id: int, task_id: int):
    """Give a step an owner and a due date."""
    task = child_or_404(PreparationTask, task_id, event_id=event_id)
    authorize(Action.PREPARE_EVENT, task.event)
    people = _owner_choices(task)
    form = TaskForm(obj=task, people=people)
    if form.validate_on_submit():
        owner = next((p for p in people if p.id == form.owner_id.data), None)
        if run_service(services.update_task, task, owner=owner, due_on=form.due_on.data, actor=current_user):
            flash(f"“{task.title}” saved.", "success")
            return redirect(url_for(".checklist", event_id=event_id))
    return render_template("preparation/task_form.html", form=form, task=task, event=task.event)


@bp.post("/events/<int:event_id>/preparation/tasks/<int:task_id>/done")
@login_required
def tick_task(event_id: int, task_id: int):
    """Tick a step off, or open it again; a step's owner may tick their own."""
    task = child_or_404(PreparationTask, task_id, event_id=event_id)
    authorize(Action.TICK_PREPARATION_TASK, task)
    form = TickForm()
    if not form.validate_on_submit():
        abort(400)
    if run_service(services.set_task_done, task, form.done.data == "1", actor=current_user):
        flash(f"“{task.title}” marked {'done' if task.is_done else 'not done'}.", "success")
    return redirect(url_for(".checklist", event_id=event_id))


# Background papers

def _paper_max_bytes() -> int:
    config = current_app.config
    return min(limit for limit in (config.get("PAPER_MAX_BYTES", services.PAPER_MAX_BYTES),
                                   config.get("MAX_CONTENT_LENGTH")) if limit)


def _render_papers(event: Event, form: PaperForm):
    return render_template("preparation/papers.html", event=event, form=form, papers=services.papers_of(event),
                           max_size=human_size(_paper_max_bytes()))


@bp.get("/events/<int:event_id>/papers")
def papers(event_id: int):
    """The event's background papers; its organisers also add and remove them here."""
    event = db.get_or_404(Event, event_id)
    authorize(Action.VIEW_EVENT, event)
    return _render_papers(event, PaperForm(formdata=None))


def _add_paper(event: Event, form: PaperForm) -> BackgroundPaper:
    fields = {"title": form.title.data, "authors": form.authors.data, "language": form.language.data}
    if form.file.data is None:
        return services.add_paper_link(event, url=form.url.data, actor=current_user, **fields)
    return services.add_paper_upload(event, file_storage=form.file.data, max_bytes=_paper_max_bytes(),
                                     actor=current_user, **fields)


@bp.post("/events/<int:event_id>/papers")
@login_required
def add_paper(event_id: int):
    """Add a background paper: upload a file, or give a link to it."""
    event = db.get_or_404(Event, event_id)
    authorize(Action.PREPARE_EVENT, event)
    form = PaperForm()
    if form.validate_on_submit():
        if run_service(_add_paper, event, form, error_field=form.url if form.file.data is None else form.file):
            flash("Paper added.", "success")
            return redirect(url_for(".papers", event_id=event.id))
    return _render_papers(event, form)


@bp.route("/events/<int:event_id>/papers/<int:paper_id>/remove", methods=["GET", "POST"])
@login_required
def remove_paper(event_id: int, paper_id: int):
    """Take a background paper off the event, once asked whether to."""
    paper = child_or_404(BackgroundPaper, paper_id, event_id=event_id)
    authorize(Action.PREPARE_EVENT, paper.event)
    if request.method == "GET":
        consequences = [_("It will no longer be listed for %(event)s.", event=paper.event.title)]
        if paper.file is not None:
            consequences.append(_("Its file will be deleted."))
        consequences.append(_("This cannot be undone."))
        return confirm_page(title=_("Remove “%(title)s”?", title=paper.title), consequences=consequences,
                            action=url_for(".remove_paper", event_id=event_id, paper_id=paper.id),
                            submit=_("Remove the paper"), back=url_for(".papers", event_id=event_id))
    if run_service(services.remove_paper, paper, actor=current_user):
        flash("Paper removed.", "success")
    return redirect(url_for(".papers", event_id=event_id))


def _send(stored: StoredFile):
    # PDFs open in the browser; Word and OpenDocument files are saved.
    response = send_file(
        BytesIO(stored.content), mimetype=stored.content_type, download_name=stored.filename,
        as_attachment=stored.content_type != "application/pdf", etag=stored.sha256,
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


@bp.get("/events/<int:event_id>/papers/<int:paper_id>/file")
def download_paper(event_id: int, paper_id: int):
    """A background paper's file, for whoever may see the event."""
    paper = child_or_404(BackgroundPaper, paper_id, event_id=event_id)
    authorize(Action.VIEW_EVENT, paper.event)
    if paper.file is None:
        abort(404)
    return _send(paper.file)
