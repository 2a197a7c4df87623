<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>OPD Queue</source>
      <translation>قائمة الانتظار</translation>
    </message>
    <message>
      <source>Today's appointments and the live queue</source>
      <translation>مواعيد اليوم وقائمة الانتظار المباشرة</translation>
    </message>
    <message>
      <source>Walk-in</source>
      <translation>المراجعون بدون موعد</translation>
    </message>
    <message>
      <source>Emirates ID lookup, quick registration and copay</source>
      <translation>البحث بالهوية الإماراتية والتسجيل السريع ونسبة التحمل</translation>
    </message>
    <message>
      <source>Refunds</source>
      <translation>المبالغ المستردة</translation>
    </message>
    <message>
      <source>Copay refunds and their approval</source>
      <translation>استرداد مبالغ نسبة التحمل والموافقة عليها</translation>
    </message>
    <message>
      <source>Insurance Audit</source>
      <translation>تدقيق التأمين</translation>
    </message>
    <message>
      <source>Every copay and eligibility decision, with CSV export</source>
      <translation>كل قرار يخص نسبة التحمل والأهلية، مع التصدير إلى CSV</translation>
    </message>
    <message>
      <source>Claims &amp; Payments</source>
      <translation>المطالبات والمدفوعات</translation>
    </message>
    <message>
      <source>Claims and insurance payments from OpenDental</source>
      <translation>المطالبات ومدفوعات التأمين من OpenDental</translation>
    </message>
    <message>
      <source>Settings</source>
      <translation>الإعدادات</translation>
    </message>
    <message>
      <source>DHA eClaimLink, printing and email</source>
      <translation>DHA eClaimLink والطباعة والبريد الإلكتروني</translation>
    </message>
    <message>
      <source>OpenDental</source>
      <translation>OpenDental</translation>
    </message>
    <message>
      <source>OpenDental connections: address, API keys, cadence, test</source>
      <translation>اتصالات OpenDental: العنوان، مفاتيح API، وتيرة المزامنة، الاختبار</translation>
    </message>
    <message>
      <source>Sync status</source>
      <translation>حالة المزامنة</translation>
    </message>
    <message>
      <source>OpenDental sync per job: last run, rows, errors, Sync now</source>
      <translation>مزامنة OpenDental لكل مهمة: آخر تشغيل، الصفوف، الأخطاء، المزامنة الآن</translation>
    </message>
    <message>
      <source>Sessions</source>
      <translation>الجلسات</translation>
    </message>
    <message>
      <source>Who is signed in on which workstation; end a session</source>
      <translation>من سجّل الدخول على أي محطة عمل؛ إنهاء جلسة</translation>
    </message>
    <message>
      <source>Booking</source>
      <translation>الحجز</translation>
    </message>
    <message>
      <source>Book, move and cancel appointments: Standard, Quick Book, Emergency</source>
      <translation>حجز المواعيد ونقلها وإلغاؤها: عادي، حجز سريع، طوارئ</translation>
    </message>
    <message>
      <source>Reconciliation</source>
      <translation>المطابقة</translation>
    </message>
    <message>
      <source>Copay collected vs the insurer's patient portion; refunds</source>
      <translation>المبلغ المحصّل من المريض مقابل حصة المريض لدى شركة التأمين؛ المبالغ المستردة</translation>
    </message>
    <message>
      <source>Eligibility review</source>
      <translation>مراجعة الأهلية</translation>
    </message>
    <message>
      <source>Appointments' eligibility and an administrator's override</source>
      <translation>أهلية المواعيد وتجاوز المسؤول</translation>
    </message>
    <message>
      <source>Activity log</source>
      <translation>سجل النشاط</translation>
    </message>
    <message>
      <source>Every change, sign-in and heartbeat, with CSV export</source>
      <translation>كل تغيير وتسجيل دخول ونبضة اتصال، مع التصدير إلى CSV</translation>
    </message>
    <message>
      <source>Dashboard</source>
      <translation>لوحة المعلومات</translation>
    </message>
    <message>
      <source>Schedule, outstanding claims by age and payer, revenue per day</source>
      <translation>الجدول، والمطالبات المستحقة حسب العمر والجهة الدافعة، والإيرادات اليومية</translation>
    </message>
    <message>
      <source>Cash drawer</source>
      <translation>درج النقدية</translation>
    </message>
    <message>
      <source>Open and close your cash shift, petty payouts, Z report</source>
      <translation>فتح وردية النقدية وإغلاقها، والمصروفات النثرية، وتقرير Z</translation>
    </message>
  </context>
</TS>
