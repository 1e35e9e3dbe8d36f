"""The rules of :mod:`isodesk.domain.validation` in the user's language.

Services, the command line and the GUI check what people type through here: a refused value becomes a
:class:`~isodesk.errors.UserError` whose message names the field and what is expected, translated at the moment
it is raised; the GUI asks :func:`problem` as the user types, to show the same message beside the field.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import ParamSpec, TypeVar

from isodesk.domain.validation import Invalid
from isodesk.errors import UserError
from isodesk.i18n import _
from isodesk.i18n.dates import short_date

P = ParamSpec("P")
T = TypeVar("T")


def explain(exc: Invalid) -> str:
    """The message of a refused value, in the current language (a date in it written as screens write dates)."""
    params = {key: short_date(value) if isinstance(value, date) else value for key, value in exc.params.items()}
    return _(exc.message).format(field=_(exc.field), value=exc.value, **params)


def check(rule: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """Apply ``rule``; a refusal becomes a :class:`UserError` with the translated message."""
    try:
        return rule(*args, **kwargs)
    except Invalid as exc:
        raise UserError(explain(exc)) from exc


def problem(rule: Callable[P, object], *args: P.args, **kwargs: P.kwargs) -> str | None:
    """What is wrong with the value for ``rule``, or None when it would be accepted (for checking as one types)."""
    try:
        rule(*args, **kwargs)
    except Invalid as exc:
        return explain(exc)
    return None
