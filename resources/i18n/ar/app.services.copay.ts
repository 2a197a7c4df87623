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
      <comment>copay.verb_collected</comment>
      <translation>مُحصَّل</translation>
    </message>
    <message>
      <source>waived</source>
      <comment>copay.verb_waived</comment>
      <translation>مُعفى منه</translation>
    </message>
    <message>
      <source>deferred</source>
      <comment>copay.verb_deferred</comment>
      <translation>مؤجَّل</translation>
    </message>
    <message>
      <source>changed</source>
      <comment>copay.verb_changed</comment>
      <translation>مُعدَّل</translation>
    </message>
    <message>
      <source>checked in</source>
      <comment>copay.verb_checked_in</comment>
      <translation>مسجَّل الوصول</translation>
    </message>
    <message>
      <source>pending</source>
      <comment>copay.verb_pending</comment>
      <translation>قيد الانتظار</translation>
    </message>
    <message>
      <source>approved</source>
      <comment>copay.verb_approved</comment>
      <translation>معتمدة</translation>
    </message>
    <message>
      <source>cancelled</source>
      <comment>copay.closed_cancelled</comment>
      <translation>ملغى</translation>
    </message>
    <message>
      <source>a no-show</source>
      <comment>copay.closed_no_show</comment>
      <translation>عدم حضور</translation>
    </message>
    <message>
      <source>at {time}</source>
      <comment>copay.when_today</comment>
      <translation>الساعة {time}</translation>
    </message>
    <message>
      <source>on {day} at {time}</source>
      <comment>copay.when_day</comment>
      <translation>في {day} الساعة {time}</translation>
    </message>
    <message>
      <source>Enter a reason to {what}.</source>
      <comment>copay.enter_reason</comment>
      <translation>أدخل سبب {what}.</translation>
    </message>
    <message>
      <source>There is no appointment {appointment_id} at this hospital.</source>
      <comment>copay.no_appointment_hospital</comment>
      <translation>لا يوجد موعد رقم {appointment_id} في هذا المستشفى.</translation>
    </message>
    <message>
      <source>A copay can only be collected by a signed-in user.</source>
      <comment>copay.copay_collected_signed_user</comment>
      <translation>لا يمكن تحصيل المبلغ المستحق على المريض إلا بواسطة مستخدم مسجّل الدخول.</translation>
    </message>
    <message>
      <source>Unknown payment method {method}.</source>
      <comment>copay.unknown_payment_method</comment>
      <translation>طريقة دفع غير معروفة {method}.</translation>
    </message>
    <message>
      <source>A payment request key (1–80 characters) is required.</source>
      <comment>copay.payment_request_key_characters</comment>
      <translation>مفتاح طلب الدفع (1–80 حرفًا) مطلوب.</translation>
    </message>
    <message>
      <source>{reason}. Request the pre-authorisation, ask an administrator to override it, or convert the visit to self-pay; nothing was charged.</source>
      <comment>copay.request_pre_authorisation_ask</comment>
      <translation>{reason}. اطلب الموافقة المسبقة، أو اطلب من المسؤول تجاوزها، أو حوّل الزيارة إلى دفع ذاتي؛ لم يتم تحصيل أي مبلغ.</translation>
    </message>
    <message>
      <source>the copay and balance</source>
      <comment>copay.insufficient_copay_balance</comment>
      <translation>نسبة التحمل والرصيد</translation>
    </message>
    <message>
      <source>the copay</source>
      <comment>copay.insufficient_copay</comment>
      <translation>المبلغ المستحق على المريض</translation>
    </message>
    <message>
      <source>waive the copay</source>
      <comment>copay.what_waive</comment>
      <translation>الإعفاء من المبلغ المستحق</translation>
    </message>
    <message>
      <source>Waive is not available for self-pay patients.</source>
      <comment>copay.waive_not_available_self</comment>
      <translation>الإعفاء غير متاح لمرضى الدفع الذاتي.</translation>
    </message>
    <message>
      <source>override the pre-authorisation</source>
      <comment>copay.what_override</comment>
      <translation>تجاوز الموافقة المسبقة</translation>
    </message>
    <message>
      <source>The pre-authorisation was already overridden for this visit.</source>
      <comment>copay.pre_authorisation_already_overridden</comment>
      <translation>تم تجاوز الموافقة المسبقة لهذه الزيارة بالفعل.</translation>
    </message>
    <message>
      <source>Nothing to override: {reason}.</source>
      <comment>copay.nothing_override</comment>
      <translation>لا يوجد ما يُتجاوز: {reason}.</translation>
    </message>
    <message>
      <source>Expected amount must be more than zero; leave it empty if it is not known.</source>
      <comment>copay.expected_amount_must_more</comment>
      <translation>يجب أن يكون المبلغ المتوقع أكبر من صفر؛ اتركه فارغًا إذا لم يكن معروفًا.</translation>
    </message>
    <message>
      <source>This appointment is {label}; no pre-authorisation can be requested for it.</source>
      <comment>copay.appointment_no_pre_authorisation</comment>
      <translation>حالة هذا الموعد: {label}؛ لا يمكن طلب موافقة مسبقة له.</translation>
    </message>
    <message>
      <source>No pre-authorisation is needed: {reason}.</source>
      <comment>copay.no_pre_authorisation_needed</comment>
      <translation>لا حاجة إلى موافقة مسبقة: {reason}.</translation>
    </message>
    <message>
      <source>The charge {charge_code} has no CPT code in the charge master, so the insurer cannot be asked; an administrator must set it first.</source>
      <comment>copay.charge_no_cpt_code</comment>
      <translation>البند {charge_code} ليس له رمز CPT في قائمة الأسعار، لذا لا يمكن مخاطبة شركة التأمين؛ يجب أن يحدده المسؤول أولًا.</translation>
    </message>
    <message>
      <source>A pre-authorisation for this visit is already {status}.</source>
      <comment>copay.preauth_already</comment>
      <translation>الموافقة المسبقة لهذه الزيارة {status} بالفعل.</translation>
    </message>
    <message>
      <source> by {name}</source>
      <comment>copay.preauth_by</comment>
      <translation>بواسطة {name}</translation>
    </message>
    <message>
      <source>, number {number}</source>
      <comment>copay.preauth_number</comment>
      <translation>، رقم {number}</translation>
    </message>
    <message>
      <source>A pre-authorisation for CPT {cpt} is already {status} (request #{request}{number}, requested{who} {when}); nothing was sent again.</source>
      <comment>copay.preauth_already_cpt</comment>
      <translation>الموافقة المسبقة لرمز CPT {cpt} {status} بالفعل (الطلب رقم {request}{number}، طُلبت{who} {when})؛ لم يُرسل أي شيء مرة أخرى.</translation>
    </message>
    <message>
      <source>convert the visit to self-pay</source>
      <comment>copay.what_self_pay</comment>
      <translation>تحويل الزيارة إلى دفع ذاتي</translation>
    </message>
    <message>
      <source>This visit is already self-pay.</source>
      <comment>copay.visit_already_self_pay</comment>
      <translation>هذه الزيارة بالدفع الذاتي بالفعل.</translation>
    </message>
    <message>
      <source>There is no copay payment {payment_id} at this hospital.</source>
      <comment>copay.no_copay_payment_hospital</comment>
      <translation>لا توجد دفعة مبلغ مستحق رقم {payment_id} في هذا المستشفى.</translation>
    </message>
    <message>
      <source>This payment request was already used for another appointment; close the dialog and open it again.</source>
      <comment>copay.payment_request_already_used</comment>
      <translation>طلب الدفع هذا استُخدم بالفعل لموعد آخر؛ أغلق النافذة وافتحها مرة أخرى.</translation>
    </message>
    <message>
      <source>This copay was already collected by {name} {when} (receipt {receipt}).</source>
      <comment>copay.copay_already_collected</comment>
      <translation>تم تحصيل هذا المبلغ المستحق بالفعل بواسطة {name} {when} (الإيصال {receipt}).</translation>
    </message>
    <message>
      <source>This appointment is {label}; its copay cannot be {verb}.</source>
      <comment>copay.appointment_copay_cannot</comment>
      <translation>حالة هذا الموعد: {label}؛ لا يمكن تغيير حالة المبلغ المستحق عليه إلى «{verb}».</translation>
    </message>
    <message>
      <source>This copay is already marked as collected.</source>
      <comment>copay.copay_already_marked_collected</comment>
      <translation>هذا المبلغ المستحق مسجّل كمحصَّل بالفعل.</translation>
    </message>
    <message>
      <source>This copay was already {word}.</source>
      <comment>copay.copay_already_decided</comment>
      <translation>هذا المبلغ المستحق {word} بالفعل.</translation>
    </message>
    <message>
      <source>This copay was already {word} by {name} {when} (reason: {reason}).</source>
      <comment>copay.copay_already_decided_by_why</comment>
      <translation>هذا المبلغ المستحق {word} بالفعل بواسطة {name} {when} (السبب: {reason}).</translation>
    </message>
    <message>
      <source>This copay was already {word} by {name} {when}.</source>
      <comment>copay.copay_already_decided_by</comment>
      <translation>هذا المبلغ المستحق {word} بالفعل بواسطة {name} {when}.</translation>
    </message>
    <message>
      <source>This appointment is on {appointment_date}; a copay can only be {verb} on the day of the visit.</source>
      <comment>copay.appointment_copay_day_visit</comment>
      <translation>هذا الموعد في {appointment_date}؛ لا يمكن تغيير حالة المبلغ المستحق على المريض إلى «{verb}» إلا في يوم الزيارة.</translation>
    </message>
  </context>
</TS>
