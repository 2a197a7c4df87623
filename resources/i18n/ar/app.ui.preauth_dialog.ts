<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>in network</source>
      <translation>داخل الشبكة</translation>
    </message>
    <message>
      <source>out of network</source>
      <translation>خارج الشبكة</translation>
    </message>
    <message>
      <source>Request pre-authorisation</source>
      <translation>طلب موافقة مسبقة</translation>
    </message>
    <message>
      <source>no CPT code</source>
      <translation>لا يوجد رمز CPT</translation>
    </message>
    <message>
      <source>Patient:</source>
      <translation>المريض:</translation>
    </message>
    <message>
      <source>Insurer:</source>
      <translation>شركة التأمين:</translation>
    </message>
    <message>
      <source>Policy:</source>
      <translation>الوثيقة:</translation>
    </message>
    <message>
      <source>Service:</source>
      <translation>الخدمة:</translation>
    </message>
    <message>
      <source>Why:</source>
      <translation>السبب:</translation>
    </message>
    <message>
      <source>Clinical note</source>
      <translation>الملاحظة السريرية</translation>
    </message>
    <message>
      <source>Optional: diagnosis, symptoms, what the insurer should know. Kept with the request and in the audit log.</source>
      <translation>اختياري: التشخيص والأعراض وما يجب أن تعرفه شركة التأمين. يُحفظ مع الطلب وفي سجل التدقيق.</translation>
    </message>
    <message>
      <source>Expected amount</source>
      <translation>المبلغ المتوقع</translation>
    </message>
    <message>
      <source>Optional, e.g. 300.00</source>
      <translation>اختياري، مثل 300.00</translation>
    </message>
    <message>
      <source>Clinical &amp;note:</source>
      <translation>الملاحظة ال&amp;سريرية:</translation>
    </message>
    <message>
      <source>&amp;Expected amount (AED):</source>
      <translation>المبلغ المت&amp;وقع (درهم):</translation>
    </message>
    <message>
      <source>Error</source>
      <translation>خطأ</translation>
    </message>
    <message>
      <source>&amp;Send Request</source>
      <translation>إ&amp;رسال الطلب</translation>
    </message>
    <message>
      <source>the insurer</source>
      <translation>شركة التأمين</translation>
    </message>
    <message>
      <source>Record a pending pre-authorisation request with {insurer} for {what} (Enter)</source>
      <translation>تسجيل طلب موافقة مسبقة قيد الانتظار لدى {insurer} لـ {what} (Enter)</translation>
    </message>
    <message>
      <source>this visit</source>
      <translation>هذه الزيارة</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>إلغاء</translation>
    </message>
    <message>
      <source>Close without sending anything (Esc)</source>
      <translation>إغلاق دون إرسال أي شيء (Esc)</translation>
    </message>
    <message>
      <source>Sending…</source>
      <translation>جارٍ الإرسال…</translation>
    </message>
  </context>
</TS>
