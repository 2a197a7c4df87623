<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>Insurance payment not found.</source>
      <comment>insurance_payments.insurance_payment_not_found</comment>
      <translation>لم يُعثر على دفعة التأمين.</translation>
    </message>
    <message>
      <source>This workstation's hospital no longer exists.</source>
      <comment>insurance_payments.workstation_hospital_no_longer</comment>
      <translation>مستشفى محطة العمل هذه لم يعد موجودًا.</translation>
    </message>
  </context>
</TS>
