<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>Insurance payment not found.</source>
      <extracomment>insurance_payment_not_found</extracomment>
      <translation>لم يُعثر على دفعة التأمين.</translation>
    </message>
    <message>
      <source>This workstation's hospital no longer exists.</source>
      <extracomment>workstation_hospital_no_longer</extracomment>
      <translation>مستشفى محطة العمل هذه لم يعد موجودًا.</translation>
    </message>
  </context>
</TS>
