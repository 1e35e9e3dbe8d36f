"""Plain data and rules: no Qt, no SQL. Working-day calendar, deadlines, audit rules, code formats."""
