<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>This workstation's hospital no longer exists.</source>
      <extracomment>workstation_hospital_no_longer</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{label} must be a whole number.</source>
      <extracomment>must_whole_number</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>DHA mode must be one of {modes}.</source>
      <extracomment>dha_mode_must_one</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The DHA timeout must be between 1 and 120 seconds.</source>
      <extracomment>dha_timeout_must_between</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The mail server port must be between 1 and 65535.</source>
      <extracomment>mail_server_port_must</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Enter the sender address receipts are emailed from.</source>
      <extracomment>enter_sender_address_receipts</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The idle lock must be between {low} and {high} minutes.</source>
      <extracomment>idle_lock_must_between</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A sign-in must last between {low} and {high} hours.</source>
      <extracomment>sign_must_last_between</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The maker-checker choices must be yes or no.</source>
      <extracomment>maker_checker_choices_must</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>DHA eClaimLink is not available in this installation.</source>
      <extracomment>dha_eclaimlink_not_available</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Connected — {detail}.</source>
      <extracomment>dha_connected</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Type the mail server password, or use Clear to remove the stored one.</source>
      <extracomment>type_mail_server_password</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The mail server password can have at most 256 characters.</source>
      <extracomment>mail_server_password_most</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Enter the mail server and save the settings before sending a test email.</source>
      <extracomment>enter_mail_server_save</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The mail server at {server} (signed in as {user}) accepted the test email for {address}. Check that it arrives; look in the spam folder too.</source>
      <extracomment>test_email_accepted_login</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The mail server at {server} accepted the test email for {address}. Check that it arrives; look in the spam folder too.</source>
      <extracomment>test_email_accepted</extracomment>
      <translation type="unfinished" />
    </message>
  </context>
</TS>
