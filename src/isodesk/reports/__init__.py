"""Printed papers: every form and report, from plain data to PDF bytes (reportlab).

Reports take plain dataclasses, never database objects, so the same layer serves the GUI, the command
line and the province's batch printing.
"""
