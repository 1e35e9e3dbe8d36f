"""Internal audits (ISO 9001:2015 9.2, ISO 19011:2018), nonconformities and corrective actions (10.2), and the
management review (9.3), as pure rules. The services load, apply these rules and save; a rule that refuses raises
:class:`Refused`, whose message is an English msgid the service translates."""

from __future__ import annotations


class Refused(Exception):
    """A step the rules do not allow: ``message`` is a msgid with ``{name}`` placeholders filled from ``params``."""

    def __init__(self, message: str, **params: object) -> None:
        super().__init__(message)
        self.message = message
        self.params = params
