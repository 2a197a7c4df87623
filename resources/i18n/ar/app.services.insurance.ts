<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>{label} {text} is not a real date.</source>
      <extracomment>not_real_date</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{label} must be a date like 2026-03-10 or 10/03/2026.</source>
      <extracomment>must_date_like</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{label} must be a number from 0 to 100, like 20 or 12.5.</source>
      <extracomment>must_number_like</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>from {start}, no expiry date</source>
      <extracomment>period_open</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{start} – {end}</source>
      <extracomment>period</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>There is no patient {patient_id} at this hospital.</source>
      <extracomment>no_patient_hospital</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This policy expired on {day}; enter the patient's current policy.</source>
      <extracomment>policy_expired</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>That payer is not set up at this hospital.</source>
      <extracomment>payer_not_set_up</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>That appointment is not this patient's at this hospital.</source>
      <extracomment>appointment_not_patient_hospital</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A primary policy was just added for this patient elsewhere; nothing was added. Open the check-in again.</source>
      <extracomment>primary_policy_just_added</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Choose the insurance payer.</source>
      <extracomment>choose_payer</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Policy number is required.</source>
      <extracomment>policy_number_required</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Choose in network or out of network.</source>
      <extracomment>choose_network</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Effective date is required.</source>
      <extracomment>effective_date_required</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The expiry date is before the effective date.</source>
      <extracomment>expiry_before_effective</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{full_name} already has an active primary policy: {name} policy {policy_number} ({ins}). Nothing was added; a patient has one primary policy at a time.</source>
      <extracomment>already_active_primary_policy</extracomment>
      <translation type="unfinished" />
    </message>
  </context>
</TS>
