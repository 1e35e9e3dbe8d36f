"""Accounts on the shared PC: who may do what (roles, permissions), signing in, passwords."""
