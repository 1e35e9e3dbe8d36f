"""What people (and damaged files) put into isodesk: Hypothesis strategies for typed text and imported files.

Each strategy mixes plausible input (Vietnamese names, phone numbers with separators, dates as offices write
them) with the worst a keyboard, a clipboard or a spreadsheet can produce: every Unicode category including lone
surrogates (undecodable command-line bytes) and control characters, decomposed (NFD) accents as some input
methods commit them, huge values, formulas and numbers in odd formats.
"""

from __future__ import annotations

import unicodedata

from hypothesis import strategies as st

VIET = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY"
    "àảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
)
NASTY = [
    "\x00",
    "\x1b",
    "\u200b",
    "\u202e",
    "\ufeff",
    "\ud800",
    "\udcff",
    "\r\n",
    "\t",
    "\u0301",
    "\u0303",
    "'",
    '"',
    "\\",
]

#: Any text at all, lone surrogates included (``st.characters`` leaves them out by default).
any_text = st.text(st.characters(exclude_categories=()), max_size=60)
nasty_text = st.lists(st.sampled_from(NASTY) | st.characters(exclude_categories=()), max_size=12).map("".join)
viet_text = st.text(st.sampled_from(VIET + " .-'0123456789@+,;/"), max_size=60)
decomposed = viet_text.map(lambda s: unicodedata.normalize("NFD", s))
huge_text = st.integers(190, 5000).flatmap(lambda n: st.sampled_from(["a", "ễ", "9", " ", "Đ"]).map(lambda c: c * n))
typed = st.one_of(viet_text, decomposed, any_text, nasty_text, huge_text, st.just(""))

person_names = st.one_of(
    st.lists(st.text(st.sampled_from(VIET), min_size=1, max_size=8), min_size=1, max_size=5).map(" ".join),
    decomposed,
    typed,
)
phones = st.one_of(
    st.just(""),
    st.from_regex(r"0[35789][0-9]{2}[ .]?[0-9]{3}[ .]?[0-9]{3}", fullmatch=True),
    st.from_regex(r"(\+84|84|0084|0)?[1-9][0-9 .\-]{5,14}", fullmatch=True),
    st.from_regex(r"0[35789][0-9]{8}", fullmatch=True),
    st.from_regex(r"\+[1-9][0-9]{6,16}", fullmatch=True),
    st.text(st.sampled_from("0123456789 .-+()/"), max_size=24),
    typed,
)
emails = st.one_of(st.just(""), st.emails().map(str), st.text(st.sampled_from("ab.@-_+Ạ1 "), max_size=30), typed)
id_numbers = st.one_of(
    st.just(""),
    st.from_regex(r"0[0-9]{2}[0-3][0-2][0-9]{7}", fullmatch=True),
    st.from_regex(r"[0-9]{12}", fullmatch=True),
    st.from_regex(r"[0-9 .\-]{8,16}", fullmatch=True),
    typed,
)
dates_typed = st.one_of(
    st.dates().map(str),
    st.dates().map(lambda d: d.strftime("%d/%m/%Y")),
    st.datetimes().map(lambda d: d.isoformat()),
    st.datetimes().map(lambda d: d.strftime("%H:%M %d/%m/%Y")),
    st.from_regex(r"[0-9]{1,4}[/.\-][0-9]{1,3}[/.\-][0-9]{1,5}( [0-9]{1,2}[:h][0-9]{2})?", fullmatch=True),
    typed,
)
times_typed = st.one_of(st.from_regex(r"[0-9]{1,3}[:hH.][0-9]{1,3}(:[0-9]{2})?", fullmatch=True), typed)
numbers_typed = st.one_of(
    st.integers(-(10**12), 10**12).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.decimals().map(str),
    st.sampled_from(["1,5", "1.5", "1e3", "NaN", "sNaN", "-Infinity", "3 ngày", "", "٣", "½", "0x10", "1_000"]),
    typed,
)
codes_typed = st.one_of(
    st.from_regex(r"[0-9]\.[0-9]{6}", fullmatch=True),
    st.from_regex(r"[A-Za-z0-9.\-/_]{1,70}", fullmatch=True),
    st.sampled_from(['=HYPERLINK("x")', "+1", "-1", "@SUM(A1)", "1.001193 ", " 1.004873"]),
    typed,
)

# -- catalogue files ---------------------------------------------------------------------------------------------
HEADER = ["code", "name", "field", "time_value", "time_unit", "cutoff", "fee_vnd", "components", "source", "confidence"]
UNITS = ["working_days", "working_hours", "same_day", "calendar_days", "?", "", "weeks", "WORKING_DAYS"]

cells = st.one_of(
    typed,
    numbers_typed,
    codes_typed,
    st.sampled_from(["=1+2", '=HYPERLINK("http://x","y")', "@cmd", "+84", "-3", "=CHAR(10)"]),
)
bad_rows = st.lists(
    st.fixed_dictionaries(
        {
            "code": codes_typed,
            "name": st.one_of(viet_text, typed),
            "field": typed,
            "time_value": numbers_typed,
            "time_unit": st.sampled_from(UNITS) | typed,
            "cutoff": typed,
            "fee_vnd": cells,
            "components": typed,
            "source": typed,
            "confidence": typed,
            "steps": st.one_of(
                st.just(""),
                st.from_regex(r"[a-zẠ ]{1,9}\|[a-z ]{0,9}\|[0-9.,]{1,4}[hdx]?(; ?)?", fullmatch=True),
                typed,
            ),
        }
    ),
    max_size=6,
)
words = st.lists(st.text(st.sampled_from(VIET), min_size=1, max_size=8), min_size=1, max_size=6).map(" ".join)
good_rows = st.lists(
    st.fixed_dictionaries(
        {
            "code": st.from_regex(r"9\.00000[0-9]", fullmatch=True),  # a bounded catalogue, so imports stay fast
            "name": words,
            "field": words,
            "time_value": st.sampled_from(["3", "1,5", "0", "10", "2.5", " 7 "]),
            "time_unit": st.sampled_from(["working_days", "working_hours", "same_day", "calendar_days", "?"]),
            "cutoff": viet_text,
            "fee_vnd": st.sampled_from(["0", "50000", "=1+2", "miễn phí", "+84"]),
            "components": st.lists(words, max_size=4).map("; ".join),
            "source": viet_text,
            "confidence": st.sampled_from(["high", "medium", "low", ""]),
            "steps": st.sampled_from(["", "Tiếp nhận | Một cửa | 4h; Thẩm định | Tư pháp | 1,5d", "x | y | 2d"]),
        }
    ),
    min_size=1,
    max_size=6,
    unique_by=lambda r: r["code"],
)
huge_cell = st.sampled_from(["x" * 200_000, "Đ" * 140_000, "9" * 1_000_000])
catalogue_rows = st.one_of(
    good_rows,
    bad_rows,
    st.tuples(good_rows, st.sampled_from(list(HEADER)), cells | huge_cell).map(
        lambda t: [t[0][0] | {t[1]: t[2]}, *t[0][1:]]
    ),
    good_rows.map(lambda rows: rows + rows[:1]),  # a duplicate code
)
headers = st.one_of(
    st.just(HEADER),
    st.just([*HEADER, "steps"]),
    st.just(HEADER),
    st.just([*HEADER, "steps"]),
    st.permutations(HEADER),
    st.lists(st.sampled_from([*HEADER, "Code", " NAME ", "extra", "", "mã"]), max_size=12),
)
encodings = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1258", "latin-1"])
delimiters = st.sampled_from([",", ";", "\t", "|"])
