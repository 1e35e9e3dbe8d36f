"""Đánh giá nội bộ: the audit programme, plans and checklists, findings, corrective actions, management review."""
