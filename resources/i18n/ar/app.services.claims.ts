<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>Appointment not found.</source>
      <extracomment>appointment_not_found</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Only appointments synchronised from OpenDental can be claimed through OpenDental.</source>
      <extracomment>appointments_synchronised_opendental_claimed</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A claim is drafted from a completed appointment; OpenDental says this one is {od_apt_status}.</source>
      <extracomment>claim_drafted_completed_appointment</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This appointment already has claim #{open_claim}.</source>
      <extracomment>appointment_already_claim</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>OpenDental lists no completed procedures for this appointment yet; the completed-appointments poller brings them within 10 minutes.</source>
      <extracomment>opendental_lists_no_completed</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Claim #{id} is {value}; only a draft is submitted.</source>
      <extracomment>claim_draft_submitted</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Claim #{id} changed while it was being submitted.</source>
      <extracomment>claim_changed_while_being</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Say what was corrected: a claim note or a procedure change.</source>
      <extracomment>say_what_corrected_claim</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Claim #{id} is {value}; only a rejected claim is corrected and resubmitted.</source>
      <extracomment>claim_rejected_claim_corrected</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Procedure(s) {unknown} are not on claim #{claim_id}.</source>
      <extracomment>procedure_not_claim</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>OpenDental has no claimproc for procedure {proc_num} on claim {claim_num}.</source>
      <extracomment>opendental_no_claimproc_procedure</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No draft claims to submit.</source>
      <extracomment>no_draft_claims_submit</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Submit at most {limit} claims at a time.</source>
      <extracomment>submit_most_claims_time</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>OpenDental is not set up on this workstation.</source>
      <extracomment>opendental_not_set_up</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The claim's OpenDental connection was removed.</source>
      <extracomment>claim_opendental_connection_removed</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Claim not found.</source>
      <extracomment>claim_not_found</extracomment>
      <translation type="unfinished" />
    </message>
  </context>
</TS>
