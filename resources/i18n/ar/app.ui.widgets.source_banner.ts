<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>Verified via DHA eClaimLink</source>
      <translation>تم التحقق عبر DHA eClaimLink</translation>
    </message>
    <message>
      <source>eligibility confirmed in real time</source>
      <translation>تم تأكيد الأهلية لحظياً</translation>
    </message>
    <message>
      <source>Test environment</source>
      <translation>بيئة الاختبار</translation>
    </message>
    <message>
      <source>answered by the DHA eClaimLink sandbox, not the live service</source>
      <translation>الرد من بيئة اختبار DHA eClaimLink وليس من الخدمة الفعلية</translation>
    </message>
    <message>
      <source>Not real-time verified</source>
      <translation>غير متحقق منه لحظياً</translation>
    </message>
    <message>
      <source>insurance from the last stored check; confirm the card</source>
      <translation>التأمين من آخر تحقق محفوظ؛ تأكد من البطاقة</translation>
    </message>
    <message>
      <source>SIMULATED</source>
      <translation>بيانات محاكاة</translation>
    </message>
    <message>
      <source>eligibility from the built-in simulator, not from DHA</source>
      <translation>الأهلية من المحاكي المدمج وليست من هيئة الصحة بدبي</translation>
    </message>
    <message>
      <source>Manual verification required</source>
      <translation>يلزم التحقق اليدوي</translation>
    </message>
    <message>
      <source>DHA eClaimLink is not set up; check the insurance card</source>
      <translation>خدمة DHA eClaimLink غير مُعدّة؛ تحقق من بطاقة التأمين</translation>
    </message>
    <message>
      <source>Eligibility data source</source>
      <translation>مصدر بيانات الأهلية</translation>
    </message>
    <message>
      <source>Eligibility: {headline} — {meaning}</source>
      <translation>الأهلية: {headline} — {meaning}</translation>
    </message>
  </context>
</TS>
