<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>Copay Collected</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Copay Waived</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Copay Deferred</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Pre-Auth Requested</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Pre-Auth Override</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Convert to Self-Pay</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Insurance Added</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>DHA Verified</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>DHA Mismatch: Used Record</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>DHA Mismatch: Self-Pay</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>DHA Mismatch: Updated</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>DHA Unavailable: Cache</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Manual Verify</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Manual Reject</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Manual Reset</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Emirates ID Verified</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Coverage Change Accepted</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Coverage Change Rejected</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Refund Requested</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Refund Approved</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Refund Rejected</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Refund Processed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Refund Deleted</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Eligibility Override</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Unknown audit action: {exc}.</source>
      <extracomment>unknown_audit_action</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The start date is after the end date.</source>
      <extracomment>start_date_after_end</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>More than {limit} patients match "{t}"; type more of the name, or the MRN.</source>
      <extracomment>more_patients_match_type</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Only Hospital Admin and Super Admin may view the activity log; you are signed in as {role}.</source>
      <extracomment>hospital_admin_super_admin</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This workstation's hospital no longer exists.</source>
      <extracomment>workstation_hospital_no_longer</extracomment>
      <translation type="unfinished" />
    </message>
  </context>
</TS>
