"""A small bar chart of the on-time rate by month, drawn with QPainter (QtCharts is not in PySide6-Essentials)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

GOOD = QColor("#2e7d32")
WARN = QColor("#ef6c00")
GRID = QColor("#cccccc")


class RateChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rateChart")
        self.rates: list[float | None] = [None] * 12
        self.target = 0.95
        self.setMinimumSize(QSize(420, 200))

    def set_rates(self, rates: list[float | None]) -> None:
        self.rates = rates
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        left, bottom, top = metrics.horizontalAdvance("100%") + 8, metrics.height() + 6, 8
        width, height = self.width() - left - 8, self.height() - bottom - top
        painter.setPen(QPen(GRID))
        for fraction in (0.0, 0.5, 1.0):
            y = top + height * (1 - fraction)
            painter.drawLine(left, int(y), left + width, int(y))
            painter.drawText(
                0,
                int(y) - metrics.height() // 2,
                left - 4,
                metrics.height(),
                Qt.AlignmentFlag.AlignRight,
                f"{fraction:.0%}",
            )
        target_y = int(top + height * (1 - self.target))
        painter.setPen(QPen(WARN, 1, Qt.PenStyle.DashLine))
        painter.drawLine(left, target_y, left + width, target_y)
        slot = width / 12
        for i, rate in enumerate(self.rates):
            x = left + i * slot
            painter.setPen(QPen(self.palette().text().color()))
            painter.drawText(
                QRectF(x, top + height + 2, slot, metrics.height()), Qt.AlignmentFlag.AlignCenter, str(i + 1)
            )
            if rate is None:
                continue
            bar = height * rate
            painter.fillRect(
                QRectF(x + slot * 0.2, top + height - bar, slot * 0.6, bar), GOOD if rate >= self.target else WARN
            )
        painter.end()
