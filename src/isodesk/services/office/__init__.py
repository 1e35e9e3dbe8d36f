"""The office itself: its unit and profile, its staff, the first-run set-up and the demo office."""
