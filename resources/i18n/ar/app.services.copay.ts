<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>Cash</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Credit card</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Debit card</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Patient deposit</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>collected</source>
      <extracomment>verb_collected</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>waived</source>
      <extracomment>verb_waived</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>deferred</source>
      <extracomment>verb_deferred</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>changed</source>
      <extracomment>verb_changed</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>checked in</source>
      <extracomment>verb_checked_in</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>pending</source>
      <extracomment>verb_pending</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>approved</source>
      <extracomment>verb_approved</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>cancelled</source>
      <extracomment>closed_cancelled</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>a no-show</source>
      <extracomment>closed_no_show</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>at {time}</source>
      <extracomment>when_today</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>on {day} at {time}</source>
      <extracomment>when_day</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Enter a reason to {what}.</source>
      <extracomment>enter_reason</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>There is no appointment {appointment_id} at this hospital.</source>
      <extracomment>no_appointment_hospital</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A copay can only be collected by a signed-in user.</source>
      <extracomment>copay_collected_signed_user</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Unknown payment method {method}.</source>
      <extracomment>unknown_payment_method</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A payment request key (1–80 characters) is required.</source>
      <extracomment>payment_request_key_characters</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{reason}. Request the pre-authorisation, ask an administrator to override it, or convert the visit to self-pay; nothing was charged.</source>
      <extracomment>request_pre_authorisation_ask</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>the copay</source>
      <extracomment>insufficient_copay</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>waive the copay</source>
      <extracomment>what_waive</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Waive is not available for self-pay patients.</source>
      <extracomment>waive_not_available_self</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>override the pre-authorisation</source>
      <extracomment>what_override</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The pre-authorisation was already overridden for this visit.</source>
      <extracomment>pre_authorisation_already_overridden</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Nothing to override: {reason}.</source>
      <extracomment>nothing_override</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Expected amount must be more than zero; leave it empty if it is not known.</source>
      <extracomment>expected_amount_must_more</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This appointment is {label}; no pre-authorisation can be requested for it.</source>
      <extracomment>appointment_no_pre_authorisation</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No pre-authorisation is needed: {reason}.</source>
      <extracomment>no_pre_authorisation_needed</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The charge {charge_code} has no CPT code in the charge master, so the insurer cannot be asked; an administrator must set it first.</source>
      <extracomment>charge_no_cpt_code</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A pre-authorisation for this visit is already {status}.</source>
      <extracomment>preauth_already</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source> by {name}</source>
      <extracomment>preauth_by</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>, number {number}</source>
      <extracomment>preauth_number</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A pre-authorisation for CPT {cpt} is already {status} (request #{request}{number}, requested{who} {when}); nothing was sent again.</source>
      <extracomment>preauth_already_cpt</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>convert the visit to self-pay</source>
      <extracomment>what_self_pay</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This visit is already self-pay.</source>
      <extracomment>visit_already_self_pay</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>There is no copay payment {payment_id} at this hospital.</source>
      <extracomment>no_copay_payment_hospital</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This payment request was already used for another appointment; close the dialog and open it again.</source>
      <extracomment>payment_request_already_used</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This copay was already collected by {name} {when} (receipt {receipt}).</source>
      <extracomment>copay_already_collected</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This appointment is {label}; its copay cannot be {verb}.</source>
      <extracomment>appointment_copay_cannot</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This copay is already marked as collected.</source>
      <extracomment>copay_already_marked_collected</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This copay was already {word}.</source>
      <extracomment>copay_already_decided</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This copay was already {word} by {name} {when} (reason: {reason}).</source>
      <extracomment>copay_already_decided_by_why</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This copay was already {word} by {name} {when}.</source>
      <extracomment>copay_already_decided_by</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This appointment is on {appointment_date}; a copay can only be {verb} on the day of the visit.</source>
      <extracomment>appointment_copay_day_visit</extracomment>
      <translation type="unfinished" />
    </message>
  </context>
</TS>
