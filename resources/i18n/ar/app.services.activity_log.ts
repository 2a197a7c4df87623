<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>The start date is after the end date.</source>
      <extracomment>start_date_after_end</extracomment>
      <translation>تاريخ البداية بعد تاريخ النهاية.</translation>
    </message>
    <message>
      <source>This workstation's hospital no longer exists.</source>
      <extracomment>workstation_hospital_no_longer</extracomment>
      <translation>مستشفى محطة العمل هذه لم يعد موجودًا.</translation>
    </message>
  </context>
</TS>
