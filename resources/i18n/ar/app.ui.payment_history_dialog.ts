<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>Payments — {patient}</source>
      <translation>المدفوعات — {patient}</translation>
    </message>
    <message>
      <source>Payments</source>
      <translation>المدفوعات</translation>
    </message>
    <message>
      <source>Loading payments…</source>
      <translation>جارٍ تحميل المدفوعات…</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>إغلاق</translation>
    </message>
    <message>
      <source> · refunded {amount}</source>
      <translation>· تم استرداد {amount}</translation>
    </message>
    <message>
      <source>No copay payments for this patient yet.</source>
      <translation>لا توجد مدفوعات نسبة تحمل لهذا المريض بعد.</translation>
    </message>
  </context>
</TS>
