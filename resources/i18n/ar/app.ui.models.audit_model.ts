<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>Action</source>
      <translation>الإجراء</translation>
    </message>
    <message>
      <source>Date/Time</source>
      <translation>التاريخ/الوقت</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>التفاصيل</translation>
    </message>
    <message>
      <source>Patient</source>
      <translation>المريض</translation>
    </message>
    <message>
      <source>Performed By</source>
      <translation>نفّذه</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>السبب</translation>
    </message>
    <message>
      <source>Copay Collected</source>
      <translation>تم تحصيل نسبة التحمل</translation>
    </message>
    <message>
      <source>Copay Deferred</source>
      <translation>تم تأجيل نسبة التحمل</translation>
    </message>
    <message>
      <source>Copay Waived</source>
      <translation>تم الإعفاء من نسبة التحمل</translation>
    </message>
    <message>
      <source>Pre-Auth Requested</source>
      <translation>طُلبت الموافقة المسبقة</translation>
    </message>
    <message>
      <source>Convert to Self-Pay</source>
      <translation>تحويل إلى الدفع الذاتي</translation>
    </message>
    <message>
      <source>Insurance Added</source>
      <translation>تمت إضافة تأمين</translation>
    </message>
    <message>
      <source>Pre-Auth Override</source>
      <translation>تجاوز الموافقة المسبقة</translation>
    </message>
    <message>
      <source>DHA Mismatch: Self-Pay</source>
      <translation>عدم تطابق مع DHA: دفع ذاتي</translation>
    </message>
    <message>
      <source>DHA Mismatch: Used Record</source>
      <translation>عدم تطابق مع DHA: استُخدم السجل</translation>
    </message>
    <message>
      <source>DHA Verified</source>
      <translation>تم التحقق عبر DHA</translation>
    </message>
    <message>
      <source>DHA Mismatch: Updated</source>
      <translation>عدم تطابق مع DHA: تم التحديث</translation>
    </message>
    <message>
      <source>DHA Unavailable: Cache</source>
      <translation>DHA غير متاحة: البيانات المخزنة</translation>
    </message>
    <message>
      <source>Manual Verify</source>
      <translation>تحقق يدوي</translation>
    </message>
    <message>
      <source>Emirates ID Verified</source>
      <translation>تم التحقق من الهوية الإماراتية</translation>
    </message>
    <message>
      <source>Manual Reject</source>
      <translation>رفض يدوي</translation>
    </message>
    <message>
      <source>Manual Reset</source>
      <translation>إعادة تعيين يدوية</translation>
    </message>
    <message>
      <source>Coverage Change Accepted</source>
      <translation>قُبل تغيير التغطية</translation>
    </message>
    <message>
      <source>Coverage Change Rejected</source>
      <translation>رُفض تغيير التغطية</translation>
    </message>
    <message>
      <source>Refund Requested</source>
      <translation>طُلب استرداد</translation>
    </message>
    <message>
      <source>Refund Approved</source>
      <translation>تمت الموافقة على الاسترداد</translation>
    </message>
    <message>
      <source>Refund Deleted</source>
      <translation>حُذف الاسترداد</translation>
    </message>
    <message>
      <source>Refund Processed</source>
      <translation>تم صرف الاسترداد</translation>
    </message>
    <message>
      <source>Refund Rejected</source>
      <translation>رُفض الاسترداد</translation>
    </message>
    <message>
      <source>Eligibility Override</source>
      <translation>تجاوز الأهلية</translation>
    </message>
    <message>
      <source>Bank transfer</source>
      <translation>تحويل بنكي</translation>
    </message>
    <message>
      <source>Cash</source>
      <translation>نقدًا</translation>
    </message>
    <message>
      <source>Credit card</source>
      <translation>بطاقة ائتمان</translation>
    </message>
    <message>
      <source>Debit card</source>
      <translation>بطاقة خصم مباشر</translation>
    </message>
    <message>
      <source>Deposit</source>
      <translation>الوديعة</translation>
    </message>
    <message>
      <source>Deposit credit</source>
      <translation>رصيد في الوديعة</translation>
    </message>
    <message>
      <source>{action} · SIMULATED</source>
      <translation>{action} · محاكاة</translation>
    </message>
    <message>
      <source>{when} at {workstation}</source>
      <translation>{when} على {workstation}</translation>
    </message>
    <message>
      <source>{action}: the answer came from the built-in DHA simulator (MOCK mode), not from DHA eClaimLink.</source>
      <translation>{action}: جاء الرد من محاكي DHA المدمج (وضع MOCK)، وليس من DHA eClaimLink.</translation>
    </message>
    <message>
      <source>Appointment {number}</source>
      <translation>الموعد {number}</translation>
    </message>
  </context>
</TS>
