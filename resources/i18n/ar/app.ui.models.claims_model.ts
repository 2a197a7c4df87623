<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>Draft</source>
      <translation>مسودة</translation>
    </message>
    <message>
      <source>Submitted</source>
      <translation>مُرسلة</translation>
    </message>
    <message>
      <source>Approved</source>
      <translation>موافق عليها</translation>
    </message>
    <message>
      <source>Rejected</source>
      <translation>مرفوضة</translation>
    </message>
    <message>
      <source>Paid</source>
      <translation>مدفوعة</translation>
    </message>
    <message>
      <source>Pending</source>
      <translation>معلّقة</translation>
    </message>
    <message>
      <source>Posted</source>
      <translation>مُرحّلة</translation>
    </message>
    <message>
      <source>Reversed</source>
      <translation>معكوسة</translation>
    </message>
    <message>
      <source>#{id} · OD {num}</source>
      <translation>#{id} · OD {num}</translation>
    </message>
    <message>
      <source>Claim</source>
      <translation>المطالبة</translation>
    </message>
    <message>
      <source>Service date</source>
      <translation>تاريخ الخدمة</translation>
    </message>
    <message>
      <source>Patient</source>
      <translation>المريض</translation>
    </message>
    <message>
      <source>Payer</source>
      <translation>الجهة الدافعة</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>الحالة</translation>
    </message>
    <message>
      <source>Billed</source>
      <translation>المبلغ المفوتر</translation>
    </message>
    <message>
      <source>Sent</source>
      <translation>تاريخ الإرسال</translation>
    </message>
    <message>
      <source>Clinic</source>
      <translation>العيادة</translation>
    </message>
    <message>
      <source>Received</source>
      <translation>تاريخ الاستلام</translation>
    </message>
    <message>
      <source>Check / EFT</source>
      <translation>شيك / تحويل</translation>
    </message>
    <message>
      <source>Carrier</source>
      <translation>شركة التأمين</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation>المبلغ</translation>
    </message>
    <message>
      <source>Posting</source>
      <translation>الترحيل</translation>
    </message>
  </context>
</TS>
