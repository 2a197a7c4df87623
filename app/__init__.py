"""ClinicDesk: front desk and billing for clinics and hospital out-patient departments."""

__version__ = "0.1.0"
