<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
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
      <source>Patient deposit</source>
      <translation>إيداع المريض</translation>
    </message>
    <message>
      <source>collected</source>
      <extracomment>verb_collected</extracomment>
      <translation>مُحصَّل</translation>
    </message>
    <message>
      <source>waived</source>
      <extracomment>verb_waived</extracomment>
      <translation>مُعفى منه</translation>
    </message>
    <message>
      <source>deferred</source>
      <extracomment>verb_deferred</extracomment>
      <translation>مؤجَّل</translation>
    </message>
    <message>
      <source>changed</source>
      <extracomment>verb_changed</extracomment>
      <translation>مُعدَّل</translation>
    </message>
    <message>
      <source>checked in</source>
      <extracomment>verb_checked_in</extracomment>
      <translation>مسجَّل الوصول</translation>
    </message>
    <message>
      <source>pending</source>
      <extracomment>verb_pending</extracomment>
      <translation>قيد الانتظار</translation>
    </message>
    <message>
      <source>approved</source>
      <extracomment>verb_approved</extracomment>
      <translation>معتمدة</translation>
    </message>
    <message>
      <source>cancelled</source>
      <extracomment>closed_cancelled</extracomment>
      <translation>ملغى</translation>
    </message>
    <message>
      <source>a no-show</source>
      <extracomment>closed_no_show</extracomment>
      <translation>عدم حضور</translation>
    </message>
    <message>
      <source>at {time}</source>
      <extracomment>when_today</extracomment>
      <translation>الساعة {time}</translation>
    </message>
    <message>
      <source>on {day} at {time}</source>
      <extracomment>when_day</extracomment>
      <translation>في {day} الساعة {time}</translation>
    </message>
    <message>
      <source>Enter a reason to {what}.</source>
      <extracomment>enter_reason</extracomment>
      <translation>أدخل سبب {what}.</translation>
    </message>
    <message>
      <source>There is no appointment {appointment_id} at this hospital.</source>
      <extracomment>no_appointment_hospital</extracomment>
      <translation>لا يوجد موعد رقم {appointment_id} في هذا المستشفى.</translation>
    </message>
    <message>
      <source>A copay can only be collected by a signed-in user.</source>
      <extracomment>copay_collected_signed_user</extracomment>
      <translation>لا يمكن تحصيل المبلغ المستحق على المريض إلا بواسطة مستخدم مسجّل الدخول.</translation>
    </message>
    <message>
      <source>Unknown payment method {method}.</source>
      <extracomment>unknown_payment_method</extracomment>
      <translation>طريقة دفع غير معروفة {method}.</translation>
    </message>
    <message>
      <source>A payment request key (1–80 characters) is required.</source>
      <extracomment>payment_request_key_characters</extracomment>
      <translation>مفتاح طلب الدفع (1–80 حرفًا) مطلوب.</translation>
    </message>
    <message>
      <source>{reason}. Request the pre-authorisation, ask an administrator to override it, or convert the visit to self-pay; nothing was charged.</source>
      <extracomment>request_pre_authorisation_ask</extracomment>
      <translation>{reason}. اطلب الموافقة المسبقة، أو اطلب من المسؤول تجاوزها، أو حوّل الزيارة إلى دفع ذاتي؛ لم يتم تحصيل أي مبلغ.</translation>
    </message>
    <message>
      <source>the copay</source>
      <extracomment>insufficient_copay</extracomment>
      <translation>المبلغ المستحق على المريض</translation>
    </message>
    <message>
      <source>waive the copay</source>
      <extracomment>what_waive</extracomment>
      <translation>الإعفاء من المبلغ المستحق</translation>
    </message>
    <message>
      <source>Waive is not available for self-pay patients.</source>
      <extracomment>waive_not_available_self</extracomment>
      <translation>الإعفاء غير متاح لمرضى الدفع الذاتي.</translation>
    </message>
    <message>
      <source>override the pre-authorisation</source>
      <extracomment>what_override</extracomment>
      <translation>تجاوز الموافقة المسبقة</translation>
    </message>
    <message>
      <source>The pre-authorisation was already overridden for this visit.</source>
      <extracomment>pre_authorisation_already_overridden</extracomment>
      <translation>تم تجاوز الموافقة المسبقة لهذه الزيارة بالفعل.</translation>
    </message>
    <message>
      <source>Nothing to override: {reason}.</source>
      <extracomment>nothing_override</extracomment>
      <translation>لا يوجد ما يُتجاوز: {reason}.</translation>
    </message>
    <message>
      <source>Expected amount must be more than zero; leave it empty if it is not known.</source>
      <extracomment>expected_amount_must_more</extracomment>
      <translation>يجب أن يكون المبلغ المتوقع أكبر من صفر؛ اتركه فارغًا إذا لم يكن معروفًا.</translation>
    </message>
    <message>
      <source>This appointment is {label}; no pre-authorisation can be requested for it.</source>
      <extracomment>appointment_no_pre_authorisation</extracomment>
      <translation>حالة هذا الموعد: {label}؛ لا يمكن طلب موافقة مسبقة له.</translation>
    </message>
    <message>
      <source>No pre-authorisation is needed: {reason}.</source>
      <extracomment>no_pre_authorisation_needed</extracomment>
      <translation>لا حاجة إلى موافقة مسبقة: {reason}.</translation>
    </message>
    <message>
      <source>The charge {charge_code} has no CPT code in the charge master, so the insurer cannot be asked; an administrator must set it first.</source>
      <extracomment>charge_no_cpt_code</extracomment>
      <translation>البند {charge_code} ليس له رمز CPT في قائمة الأسعار، لذا لا يمكن مخاطبة شركة التأمين؛ يجب أن يحدده المسؤول أولًا.</translation>
    </message>
    <message>
      <source>A pre-authorisation for this visit is already {status}.</source>
      <extracomment>preauth_already</extracomment>
      <translation>الموافقة المسبقة لهذه الزيارة {status} بالفعل.</translation>
    </message>
    <message>
      <source> by {name}</source>
      <extracomment>preauth_by</extracomment>
      <translation>بواسطة {name}</translation>
    </message>
    <message>
      <source>, number {number}</source>
      <extracomment>preauth_number</extracomment>
      <translation>، رقم {number}</translation>
    </message>
    <message>
      <source>A pre-authorisation for CPT {cpt} is already {status} (request #{request}{number}, requested{who} {when}); nothing was sent again.</source>
      <extracomment>preauth_already_cpt</extracomment>
      <translation>الموافقة المسبقة لرمز CPT {cpt} {status} بالفعل (الطلب رقم {request}{number}، طُلبت{who} {when})؛ لم يُرسل أي شيء مرة أخرى.</translation>
    </message>
    <message>
      <source>convert the visit to self-pay</source>
      <extracomment>what_self_pay</extracomment>
      <translation>تحويل الزيارة إلى دفع ذاتي</translation>
    </message>
    <message>
      <source>This visit is already self-pay.</source>
      <extracomment>visit_already_self_pay</extracomment>
      <translation>هذه الزيارة بالدفع الذاتي بالفعل.</translation>
    </message>
    <message>
      <source>There is no copay payment {payment_id} at this hospital.</source>
      <extracomment>no_copay_payment_hospital</extracomment>
      <translation>لا توجد دفعة مبلغ مستحق رقم {payment_id} في هذا المستشفى.</translation>
    </message>
    <message>
      <source>This payment request was already used for another appointment; close the dialog and open it again.</source>
      <extracomment>payment_request_already_used</extracomment>
      <translation>طلب الدفع هذا استُخدم بالفعل لموعد آخر؛ أغلق النافذة وافتحها مرة أخرى.</translation>
    </message>
    <message>
      <source>This copay was already collected by {name} {when} (receipt {receipt}).</source>
      <extracomment>copay_already_collected</extracomment>
      <translation>تم تحصيل هذا المبلغ المستحق بالفعل بواسطة {name} {when} (الإيصال {receipt}).</translation>
    </message>
    <message>
      <source>This appointment is {label}; its copay cannot be {verb}.</source>
      <extracomment>appointment_copay_cannot</extracomment>
      <translation>حالة هذا الموعد: {label}؛ لا يمكن تغيير حالة المبلغ المستحق عليه إلى «{verb}».</translation>
    </message>
    <message>
      <source>This copay is already marked as collected.</source>
      <extracomment>copay_already_marked_collected</extracomment>
      <translation>هذا المبلغ المستحق مسجّل كمحصَّل بالفعل.</translation>
    </message>
    <message>
      <source>This copay was already {word}.</source>
      <extracomment>copay_already_decided</extracomment>
      <translation>هذا المبلغ المستحق {word} بالفعل.</translation>
    </message>
    <message>
      <source>This copay was already {word} by {name} {when} (reason: {reason}).</source>
      <extracomment>copay_already_decided_by_why</extracomment>
      <translation>هذا المبلغ المستحق {word} بالفعل بواسطة {name} {when} (السبب: {reason}).</translation>
    </message>
    <message>
      <source>This copay was already {word} by {name} {when}.</source>
      <extracomment>copay_already_decided_by</extracomment>
      <translation>هذا المبلغ المستحق {word} بالفعل بواسطة {name} {when}.</translation>
    </message>
    <message>
      <source>This appointment is on {appointment_date}; a copay can only be {verb} on the day of the visit.</source>
      <extracomment>appointment_copay_day_visit</extracomment>
      <translation>هذا الموعد في {appointment_date}؛ لا يمكن تغيير حالة المبلغ المستحق على المريض إلى «{verb}» إلا في يوم الزيارة.</translation>
    </message>
  </context>
</TS>
