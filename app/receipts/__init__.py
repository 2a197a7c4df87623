"""Receipts: the data a receipt shows (model), its PDF (pdf), email (email) and CUPS (cups).

Nothing here imports Qt; printing through Qt lives in ``app.ui.printing``.
"""
