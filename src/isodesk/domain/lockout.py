"""How long an account waits after wrong passwords, and how strong a password must be.

Sources: NIST SP 800-63B §5.2.2 (limit failed attempts; delays are preferred to a permanent lock, which lets anyone
lock out a colleague) and §5.1.1.2 (at least 8 characters; any characters allowed; normalise Unicode so the same
password typed with another input method still matches — Vietnamese input methods send composed or decomposed
letters); OWASP Authentication Cheat Sheet, "Account lockout" (a delay that grows with each further failure).

On a shared office PC an attacker is a curious colleague, not a botnet: five tries cover honest typing mistakes,
then each failure doubles the wait from 30 seconds up to a cap of 15 minutes, so guessing stays impractical while
the owner is never locked out for long. The count and the end of the wait are stored with the account, so
restarting the program does not reset them.
"""

from __future__ import annotations

import unicodedata
from datetime import timedelta

#: Wrong passwords accepted in a row before the first wait.
FREE_ATTEMPTS = 5
FIRST_DELAY = timedelta(seconds=30)
MAX_DELAY = timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_LENGTH = 200


def delay_after(failures: int) -> timedelta:
    """The wait imposed after ``failures`` wrong passwords in a row (zero before the fifth)."""
    if failures < FREE_ATTEMPTS:
        return timedelta(0)
    doublings = failures - FREE_ATTEMPTS
    if doublings >= 16:  # far past the cap; avoids huge numbers
        return MAX_DELAY
    return min(FIRST_DELAY * (1 << doublings), MAX_DELAY)


def normalise_password(password: str) -> str:
    """NFKC, as NIST SP 800-63B §5.1.1.2 recommends, so "ễ" composed or decomposed is the same password."""
    return unicodedata.normalize("NFKC", password)


def password_problem(password: str) -> str | None:
    """None when the password may be used, else a short key of what is wrong ("short", "long", "blank")."""
    text = normalise_password(password)
    if not text.strip():
        return "blank"
    if len(text) < MIN_PASSWORD_LENGTH:
        return "short"
    if len(text) > MAX_PASSWORD_LENGTH:
        return "long"
    return None
