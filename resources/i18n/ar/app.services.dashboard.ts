<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>Unknown payer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>0-30 days</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>31-60 days</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>61-90 days</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>90+ days</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Copays collected</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Insurer payments</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Refunds processed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Unknown appointment status {status}.</source>
      <extracomment>unknown_appointment_status</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{status} is not a status of an outstanding claim.</source>
      <extracomment>not_status_outstanding_claim</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A revenue figure needs its series and its days.</source>
      <extracomment>revenue_figure_needs_series</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Today's appointments</source>
      <extracomment>title_schedule</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Today's appointments: {status}</source>
      <extracomment>title_schedule_status</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Outstanding claims</source>
      <extracomment>title_claims</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Outstanding claims: {parts}</source>
      <extracomment>title_claims_of</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{series}, {day}</source>
      <extracomment>title_series_day</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{series}, {day} to {last}</source>
      <extracomment>title_series_days</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The last day of the range is before its first day.</source>
      <extracomment>last_day_range_before</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Choose at most {days} days for the revenue chart.</source>
      <extracomment>choose_most_days_revenue</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Copay</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Department</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Doctor</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>MRN</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Patient</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Status</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Time</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Token</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Age (days)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Claim</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Date of service</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Payer</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Billed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Expected</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Rejection reason</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Amount</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Collected</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Method</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Receipt</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Carrier</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Check</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Received</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Paid by receipt</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Processed</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Refund receipt</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>A page holds 1 to {limit} rows.</source>
      <extracomment>page_holds_rows</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>The folder {folder} does not exist. Choose another folder for the export.</source>
      <extracomment>folder_does_not_exist</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>{target} is a folder; give the export a file name.</source>
      <extracomment>folder_give_export_file</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Could not save {name}: {value}. If the file is open in another program, close it and export again.</source>
      <extracomment>could_not_save_if</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>This workstation's hospital no longer exists.</source>
      <extracomment>workstation_hospital_no_longer</extracomment>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Could not write to {folder}: {value}. Choose another folder for the export.</source>
      <extracomment>could_not_write_choose</extracomment>
      <translation type="unfinished" />
    </message>
  </context>
</TS>
