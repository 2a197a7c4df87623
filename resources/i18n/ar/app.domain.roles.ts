<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>Receptionist</source>
      <translation>موظف استقبال</translation>
    </message>
    <message>
      <source>Nurse</source>
      <translation>ممرض</translation>
    </message>
    <message>
      <source>Doctor</source>
      <translation>طبيب</translation>
    </message>
    <message>
      <source>Accountant</source>
      <translation>محاسب</translation>
    </message>
    <message>
      <source>Hospital Admin</source>
      <translation>مسؤول المستشفى</translation>
    </message>
    <message>
      <source>Super Admin</source>
      <translation>المسؤول العام</translation>
    </message>
    <message>
      <source>view the OPD queue</source>
      <translation>عرض قائمة انتظار العيادات الخارجية</translation>
    </message>
    <message>
      <source>check patients in</source>
      <translation>تسجيل وصول المرضى</translation>
    </message>
    <message>
      <source>register walk-in patients</source>
      <translation>تسجيل المرضى بدون موعد</translation>
    </message>
    <message>
      <source>collect, waive or defer copays</source>
      <translation>تحصيل نسبة التحمل أو الإعفاء منها أو تأجيلها</translation>
    </message>
    <message>
      <source>record vitals</source>
      <translation>تسجيل العلامات الحيوية</translation>
    </message>
    <message>
      <source>start consultations</source>
      <translation>بدء الاستشارات</translation>
    </message>
    <message>
      <source>complete consultations</source>
      <translation>إنهاء الاستشارات</translation>
    </message>
    <message>
      <source>override a pre-authorisation</source>
      <translation>تجاوز الموافقة المسبقة</translation>
    </message>
    <message>
      <source>request pre-authorisations</source>
      <translation>طلب الموافقات المسبقة</translation>
    </message>
    <message>
      <source>add insurance policies</source>
      <translation>إضافة وثائق التأمين</translation>
    </message>
    <message>
      <source>request refunds</source>
      <translation>طلب الاسترداد</translation>
    </message>
    <message>
      <source>approve or reject refunds</source>
      <translation>اعتماد طلبات الاسترداد أو رفضها</translation>
    </message>
    <message>
      <source>process refunds</source>
      <translation>صرف المبالغ المستردة</translation>
    </message>
    <message>
      <source>delete refund requests</source>
      <translation>حذف طلبات الاسترداد</translation>
    </message>
    <message>
      <source>view refunds</source>
      <translation>عرض طلبات الاسترداد</translation>
    </message>
    <message>
      <source>view the insurance audit log</source>
      <translation>عرض سجل تدقيق التأمين</translation>
    </message>
    <message>
      <source>export the audit log</source>
      <translation>تصدير سجل التدقيق</translation>
    </message>
    <message>
      <source>verify insurance eligibility</source>
      <translation>التحقق من أهلية التأمين</translation>
    </message>
    <message>
      <source>verify or reject insurance manually</source>
      <translation>التحقق من التأمين أو رفضه يدويًا</translation>
    </message>
    <message>
      <source>view claims and payments</source>
      <translation>عرض المطالبات والمدفوعات</translation>
    </message>
    <message>
      <source>change settings</source>
      <translation>تغيير الإعدادات</translation>
    </message>
    <message>
      <source>manage users</source>
      <translation>إدارة المستخدمين</translation>
    </message>
    <message>
      <source>top up patient deposits</source>
      <translation>شحن ودائع المرضى</translation>
    </message>
    <message>
      <source>draft, submit and resubmit insurance claims</source>
      <translation>إعداد مطالبات التأمين وتقديمها وإعادة تقديمها</translation>
    </message>
    <message>
      <source>view the OpenDental sync status</source>
      <translation>عرض حالة المزامنة مع OpenDental</translation>
    </message>
    <message>
      <source>run a sync job now</source>
      <translation>تشغيل مهمة مزامنة الآن</translation>
    </message>
    <message>
      <source>manage OpenDental connections</source>
      <translation>إدارة اتصالات OpenDental</translation>
    </message>
    <message>
      <source>book, reschedule or cancel appointments</source>
      <translation>حجز المواعيد أو إعادة جدولتها أو إلغائها</translation>
    </message>
    <message>
      <source>override an appointment's eligibility</source>
      <translation>تجاوز أهلية الموعد</translation>
    </message>
    <message>
      <source>view the activity log</source>
      <translation>عرض سجل النشاط</translation>
    </message>
    <message>
      <source>view the office dashboard</source>
      <translation>عرض لوحة معلومات المكتب</translation>
    </message>
    <message>
      <source>open and close cash drawer shifts</source>
      <translation>فتح ورديات درج النقدية وإغلاقها</translation>
    </message>
    <message>
      <source>approve a cash drawer difference</source>
      <translation>اعتماد فرق درج النقدية</translation>
    </message>
    <message>
      <source>write off a patient's balance</source>
      <translation>شطب رصيد مستحق على مريض</translation>
    </message>
    <message>
      <source>request the refund of an overpaid visit</source>
      <translation>طلب استرداد المبلغ الزائد لزيارة</translation>
    </message>
    <message>
      <source>Only {allowed} may {action}; you are signed in as {role}.</source>
      <comment>roles.only_allowed_may</comment>
      <translation>لا يُسمح بـ{action} إلا لـ: {allowed}؛ أنت مسجّل الدخول بصفة {role}.</translation>
    </message>
  </context>
</TS>
