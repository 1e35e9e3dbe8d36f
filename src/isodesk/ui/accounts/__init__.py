"""Screens of accounts: the sign-in window and the accounts page."""
