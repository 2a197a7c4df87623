<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>Unknown posting status: {status}.</source>
      <comment>payment_list.unknown_posting_status</comment>
      <translation>حالة ترحيل غير معروفة: {status}.</translation>
    </message>
    <message>
      <source>The start date is after the end date.</source>
      <comment>payment_list.start_date_after_end</comment>
      <translation>تاريخ البداية بعد تاريخ النهاية.</translation>
    </message>
  </context>
</TS>
