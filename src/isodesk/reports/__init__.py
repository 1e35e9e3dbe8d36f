"""Printed papers: every form and report, from plain data to PDF bytes (reportlab).

Reports take plain dataclasses, never database objects, so the same layer serves the GUI, the command
line and the province's batch printing.
"""

from reportlab import rl_config

# Shapes are built from our own data, never from users' drawings: their attribute checks only cost time
# (a QR code is hundreds of rectangles). See reportlab's rl_config.shapeChecking.
rl_config.shapeChecking = 0
