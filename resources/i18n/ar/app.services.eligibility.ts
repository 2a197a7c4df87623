<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>Verified via DHA eClaimLink</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Test environment</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Not real-time verified</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>SIMULATED</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Manual verification required</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This workstation's hospital no longer exists.</source>
      <extracomment>workstation_hospital_no_longer</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>That patient is not registered at this hospital.</source>
      <extracomment>patient_not_registered_hospital</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>That appointment is not this patient's at this hospital.</source>
      <extracomment>appointment_not_patient_hospital</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A policy was added on another workstation meanwhile; verify again to compare it with DHA.</source>
      <extracomment>policy_added_meanwhile</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>an unnamed payer</source>
      <extracomment>unnamed_payer</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>DHA shows cover with {payer} (payer id {key}), but no payer with that DHA id or code is set up at this hospital, so no insurance was added. Add the payer, then add the insurance.</source>
      <extracomment>dha_payer_unknown</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>not given</source>
      <extracomment>not_given</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{payer} cover found on DHA was added to the patient's file.</source>
      <extracomment>dha_cover_added</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Unknown choice {choice}.</source>
      <extracomment>unknown_choice</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Choose: use the data on file, treat as self-pay, or update the insurance.</source>
      <extracomment>choose_use_data_file</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Updating the insurance needs DHA's answer; verify again.</source>
      <extracomment>updating_insurance_needs_dha</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This coverage change was already {decision}.</source>
      <extracomment>coverage_change_already</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>accepted</source>
      <extracomment>accepted</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>rejected</source>
      <extracomment>rejected</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No coverage change from DHA is waiting for this policy.</source>
      <extracomment>no_coverage_change_dha</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>That insurance policy is not on file at this hospital.</source>
      <extracomment>insurance_policy_not_file</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Say why the coverage change from DHA is rejected.</source>
      <extracomment>say_why_coverage_change</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Say how the insurance was verified (who confirmed it, reference number).</source>
      <extracomment>say_how_insurance_verified</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Give the reason the insurance is rejected.</source>
      <extracomment>give_reason_insurance_rejected</extracomment>
      <translation type="unfinished" />
    </message>
  </context>
</TS>
