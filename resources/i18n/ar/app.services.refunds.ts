<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>This workstation's hospital no longer exists.</source>
      <extracomment>workstation_hospital_no_longer</extracomment>
      <translation>مستشفى محطة العمل هذه لم يعد موجودًا.</translation>
    </message>
    <message>
      <source>That copay payment was not found.</source>
      <extracomment>copay_payment_not_found</extracomment>
      <translation>لم يُعثر على دفعة المبلغ المستحق هذه.</translation>
    </message>
    <message>
      <source>A refund receipt exists once the refund is processed; this one is {status}.</source>
      <extracomment>refund_receipt_exists_once</extracomment>
      <translation>يصدر إيصال الاسترداد بعد تنفيذ الاسترداد؛ وحالة هذا الاسترداد {status}.</translation>
    </message>
    <message>
      <source>This refund was processed without a refund receipt number, so there is no receipt to print.</source>
      <extracomment>refund_processed_without_refund</extracomment>
      <translation>نُفّذ هذا الاسترداد دون رقم إيصال استرداد، لذا لا يوجد إيصال للطباعة.</translation>
    </message>
    <message>
      <source>A refund must be requested by a signed-in person.</source>
      <extracomment>refund_must_requested_signed</extracomment>
      <translation>يجب أن يطلب الاسترداد شخصٌ مسجّل الدخول.</translation>
    </message>
    <message>
      <source>refund reason</source>
      <extracomment>name_reason</extracomment>
      <translation>سبب الاسترداد</translation>
    </message>
    <message>
      <source>refund method</source>
      <extracomment>name_method</extracomment>
      <translation>طريقة الاسترداد</translation>
    </message>
    <message>
      <source>That copay payment was not found. Search again by patient name, MRN or receipt number.</source>
      <extracomment>copay_payment_not_found_2</extracomment>
      <translation>لم يُعثر على دفعة المبلغ المستحق هذه. ابحث مرة أخرى باسم المريض أو رقم MRN أو رقم الإيصال.</translation>
    </message>
    <message>
      <source>At most {left} can be refunded on receipt {receipt_number}: {keep} of it is the patient's adjudicated portion ({explained}).</source>
      <extracomment>most_refunded_receipt_patient</extracomment>
      <translation>الحد الأقصى الممكن استرداده من الإيصال {receipt_number} هو {left}: منه {keep} حصة المريض المعتمدة من شركة التأمين ({explained}).</translation>
    </message>
    <message>
      <source>Refunding {amount} would take receipt {receipt_number} past the {amount2} paid ({done} already refunded).</source>
      <extracomment>refunding_would_take_receipt</extracomment>
      <translation>استرداد {amount} سيتجاوز المبلغ المدفوع في الإيصال {receipt_number} وقدره {amount2} (تم استرداد {done} بالفعل).</translation>
    </message>
    <message>
      <source>This refund no longer exists; it may have been deleted. Refresh the list.</source>
      <extracomment>refund_no_longer_exists</extracomment>
      <translation>هذا الاسترداد لم يعد موجودًا؛ ربما تم حذفه. حدّث القائمة.</translation>
    </message>
    <message>
      <source>This refund no longer exists; it may have been deleted.</source>
      <extracomment>refund_no_longer_exists_2</extracomment>
      <translation>هذا الاسترداد لم يعد موجودًا؛ ربما تم حذفه.</translation>
    </message>
    <message>
      <source>Unknown {name} {value}; choose one of {choices}.</source>
      <extracomment>unknown_choose_one</extracomment>
      <translation>{name} غير معروف: {value}؛ اختر واحدًا من {choices}.</translation>
    </message>
  </context>
</TS>
