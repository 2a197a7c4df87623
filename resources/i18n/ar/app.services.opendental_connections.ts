<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>Enter both the developer key and the customer key.</source>
      <extracomment>enter_both_developer_key</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No keys are stored yet for this connection: enter both the developer key and the customer key.</source>
      <extracomment>no_keys_stored_yet</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>'{name}' was deactivated, not deleted: synced data refers to it ({what}). It no longer syncs; its keys stay in the keyring so it can be switched back on.</source>
      <extracomment>deactivated</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>'{name}' was removed with its keys.</source>
      <extracomment>removed_with_keys</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>'{name}' was removed.</source>
      <extracomment>removed</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>ClinicDesk's simulated OpenDental did not start ({error}).</source>
      <extracomment>sandbox_not_started</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No API keys are stored on this computer for this connection: enter the developer key and the customer key and save.</source>
      <extracomment>no_keys_here</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>No answer from {url} within {seconds} s: is the OpenDental API (eConnector / API Service) running and reachable?</source>
      <extracomment>no_answer</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>OpenDental at {url} answered {code}: {detail}</source>
      <extracomment>answered_code</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>OpenDental at {url} could not be reached: {detail}</source>
      <extracomment>unreachable_detail</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>OpenDental at {url} could not be reached ({error}).</source>
      <extracomment>unreachable_os</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Connected (SIMULATED sandbox): OpenDental at {url} answered HTTP {code} in {ms} ms and accepted the keys.</source>
      <extracomment>connected_sandbox</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Connected: OpenDental at {url} answered HTTP {code} in {ms} ms and accepted the keys.</source>
      <extracomment>connected</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>OpenDental at {url} could not be reached.</source>
      <extracomment>unreachable</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>OpenDental at {url} answered HTTP {code}: {detail}</source>
      <extracomment>answered_http</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>no explanation</source>
      <extracomment>no_explanation</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This workstation's hospital no longer exists.</source>
      <extracomment>workstation_hospital_no_longer</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>That OpenDental connection no longer exists; it may have been removed on another workstation.</source>
      <extracomment>opendental_connection_no_longer</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>There is already an OpenDental connection called '{name}'; choose another name.</source>
      <extracomment>already_opendental_connection_called</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A SANDBOX connection uses the simulator's own keys; leave the key fields empty.</source>
      <extracomment>sandbox_connection_uses_simulator</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source> (OpenDental said: {says})</source>
      <extracomment>od_said</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>OpenDental refused the developer key{said}. Check the developer key OpenDental issued to ClinicDesk's vendor account.</source>
      <extracomment>refused_developer_key</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>OpenDental refused the customer key{said}. Generate or copy it again in OpenDental: Setup &gt; Advanced Setup &gt; API, and make sure the API is enabled and the eConnector is running.</source>
      <extracomment>refused_customer_key</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>OpenDental refused the API keys{said}. Check both: the developer key (issued by OpenDental to the vendor) and the customer key (Setup &gt; Advanced Setup &gt; API in OpenDental).</source>
      <extracomment>refused_keys</extracomment>
      <translation type="unfinished" />
    </message>
  </context>
</TS>
