<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>Copay Collected</source>
      <translation>تم تحصيل المبلغ المستحق</translation>
    </message>
    <message>
      <source>Copay Waived</source>
      <translation>تم الإعفاء من المبلغ المستحق</translation>
    </message>
    <message>
      <source>Copay Deferred</source>
      <translation>تم تأجيل المبلغ المستحق</translation>
    </message>
    <message>
      <source>Pre-Auth Requested</source>
      <translation>تم طلب الموافقة المسبقة</translation>
    </message>
    <message>
      <source>Pre-Auth Override</source>
      <translation>تجاوز الموافقة المسبقة</translation>
    </message>
    <message>
      <source>Convert to Self-Pay</source>
      <translation>تحويل إلى دفع ذاتي</translation>
    </message>
    <message>
      <source>Insurance Added</source>
      <translation>تمت إضافة التأمين</translation>
    </message>
    <message>
      <source>DHA Verified</source>
      <translation>تم التحقق عبر DHA</translation>
    </message>
    <message>
      <source>DHA Mismatch: Used Record</source>
      <translation>عدم تطابق مع DHA: استُخدم السجل</translation>
    </message>
    <message>
      <source>DHA Mismatch: Self-Pay</source>
      <translation>عدم تطابق مع DHA: دفع ذاتي</translation>
    </message>
    <message>
      <source>DHA Mismatch: Updated</source>
      <translation>عدم تطابق مع DHA: تم التحديث</translation>
    </message>
    <message>
      <source>DHA Unavailable: Cache</source>
      <translation>DHA غير متاح: بيانات مخزّنة</translation>
    </message>
    <message>
      <source>Manual Verify</source>
      <translation>تحقق يدوي</translation>
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
      <source>Emirates ID Verified</source>
      <translation>تم التحقق من الهوية الإماراتية</translation>
    </message>
    <message>
      <source>Coverage Change Accepted</source>
      <translation>تم قبول تغيير التغطية</translation>
    </message>
    <message>
      <source>Coverage Change Rejected</source>
      <translation>تم رفض تغيير التغطية</translation>
    </message>
    <message>
      <source>Refund Requested</source>
      <translation>تم طلب الاسترداد</translation>
    </message>
    <message>
      <source>Refund Approved</source>
      <translation>تمت الموافقة على الاسترداد</translation>
    </message>
    <message>
      <source>Refund Rejected</source>
      <translation>تم رفض الاسترداد</translation>
    </message>
    <message>
      <source>Refund Processed</source>
      <translation>تم تنفيذ الاسترداد</translation>
    </message>
    <message>
      <source>Refund Deleted</source>
      <translation>تم حذف الاسترداد</translation>
    </message>
    <message>
      <source>Eligibility Override</source>
      <translation>تجاوز الأهلية</translation>
    </message>
    <message>
      <source>Balance Written Off</source>
      <translation>شطب رصيد</translation>
    </message>
    <message>
      <source>Unknown audit action: {exc}.</source>
      <comment>audit.unknown_audit_action</comment>
      <translation>إجراء تدقيق غير معروف: {exc}.</translation>
    </message>
    <message>
      <source>The start date is after the end date.</source>
      <comment>audit.start_date_after_end</comment>
      <translation>تاريخ البداية بعد تاريخ النهاية.</translation>
    </message>
    <message>
      <source>More than {limit} patients match "{t}"; type more of the name, or the MRN.</source>
      <comment>audit.more_patients_match_type</comment>
      <translation>أكثر من {limit} مريض يطابقون "{t}"؛ اكتب جزءًا أكبر من الاسم، أو رقم MRN.</translation>
    </message>
    <message>
      <source>Only Hospital Admin and Super Admin may view the activity log; you are signed in as {role}.</source>
      <comment>audit.hospital_admin_super_admin</comment>
      <translation>لا يمكن عرض سجل النشاط إلا لمسؤول المستشفى والمسؤول الأعلى؛ أنت مسجّل الدخول بصفة {role}.</translation>
    </message>
    <message>
      <source>This workstation's hospital no longer exists.</source>
      <comment>audit.workstation_hospital_no_longer</comment>
      <translation>مستشفى محطة العمل هذه لم يعد موجودًا.</translation>
    </message>
  </context>
</TS>
