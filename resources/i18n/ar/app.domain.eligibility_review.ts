<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>Eligible</source>
      <translation>مؤهل</translation>
    </message>
    <message>
      <source>Not eligible</source>
      <translation>غير مؤهل</translation>
    </message>
    <message>
      <source>Not checked</source>
      <translation>لم يتم التحقق</translation>
    </message>
    <message>
      <source>Overridden</source>
      <translation>تم التجاوز</translation>
    </message>
    <message>
      <source>The reason</source>
      <comment>eligibility_review.label_reason</comment>
      <translation>السبب</translation>
    </message>
    <message>
      <source>Say why the eligibility is overridden (at least {min} characters); it goes into the audit trail.</source>
      <comment>eligibility_review.say_why_eligibility_overridden</comment>
      <translation>اذكر سبب تجاوز الأهلية ({min} أحرف على الأقل)؛ سيُسجَّل في سجل التدقيق.</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>المصدر</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>الحالة</translation>
    </message>
    <message>
      <source>Payer</source>
      <translation>جهة الدفع</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>السبب</translation>
    </message>
    <message>
      <source>Carrier</source>
      <translation>شركة التأمين الناقلة</translation>
    </message>
    <message>
      <source>Group</source>
      <translation>المجموعة</translation>
    </message>
    <message>
      <source>Subscriber ID</source>
      <translation>رقم المشترك</translation>
    </message>
    <message>
      <source>Effective from</source>
      <translation>ساري من</translation>
    </message>
    <message>
      <source>OpenDental plan</source>
      <translation>خطة OpenDental</translation>
    </message>
    <message>
      <source>Checked at</source>
      <translation>وقت التحقق</translation>
    </message>
    <message>
      <source>DHA reference</source>
      <translation>مرجع DHA</translation>
    </message>
    <message>
      <source>Terminates</source>
      <translation>ينتهي في</translation>
    </message>
    <message>
      <source>DHA error</source>
      <translation>خطأ DHA</translation>
    </message>
    <message>
      <source>Simulated</source>
      <translation>محاكاة</translation>
    </message>
    <message>
      <source>Override</source>
      <translation>تجاوز</translation>
    </message>
    <message>
      <source>Before override</source>
      <translation>قبل التجاوز</translation>
    </message>
  </context>
</TS>
