<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>Emergency: pre-authorisation waived (UAE regulation)</source>
      <translation>طوارئ: أُعفيت من الموافقة المسبقة (حسب أنظمة دولة الإمارات)</translation>
    </message>
    <message>
      <source>Pharmacy copay is estimated and collected separately at the pharmacy</source>
      <translation>نسبة تحمل الصيدلية تقديرية وتُحصَّل بشكل منفصل في الصيدلية</translation>
    </message>
    <message>
      <source>verified with DHA eClaimLink</source>
      <comment>engine.source_live</comment>
      <translation>تم التحقق عبر DHA eClaimLink</translation>
    </message>
    <message>
      <source>checked against the DHA test environment, not a live check</source>
      <comment>engine.source_sandbox</comment>
      <translation>تم التحقق في بيئة اختبار DHA، وليس تحققًا فعليًا</translation>
    </message>
    <message>
      <source>SIMULATED on this computer, not a real DHA check</source>
      <comment>engine.source_mock</comment>
      <translation>محاكاة (SIMULATED) على هذا الكمبيوتر، وليست تحققًا فعليًا من DHA</translation>
    </message>
    <message>
      <source>taken from the last saved check, not verified in real time</source>
      <comment>engine.source_cached</comment>
      <translation>مأخوذة من آخر تحقق محفوظ، ولم يتم التحقق منها فوريًا</translation>
    </message>
    <message>
      <source>DHA is not set up, so the insurance card must be checked by hand</source>
      <comment>engine.source_not_configured</comment>
      <translation>لم يتم إعداد DHA، لذا يجب التحقق من بطاقة التأمين يدويًا</translation>
    </message>
    <message>
      <source>{field} cannot be negative.</source>
      <comment>engine.field_negative</comment>
      <translation>لا يمكن أن تكون قيمة {field} سالبة.</translation>
    </message>
    <message>
      <source>{field} must be between 0 and 100.</source>
      <comment>engine.field_between</comment>
      <translation>يجب أن تكون قيمة {field} بين 0 و100.</translation>
    </message>
    <message>
      <source>ages {low}–{high}</source>
      <comment>engine.ages_between</comment>
      <translation>الأعمار {low}–{high}</translation>
    </message>
    <message>
      <source>ages {low} and over</source>
      <comment>engine.ages_over</comment>
      <translation>الأعمار {low} فما فوق</translation>
    </message>
    <message>
      <source>ages up to {high}</source>
      <comment>engine.ages_up_to</comment>
      <translation>الأعمار حتى {high}</translation>
    </message>
    <message>
      <source>Payer rule {rule} covers {ages} but the patient's age is unknown: age limit not checked</source>
      <comment>engine.age_unknown</comment>
      <translation>قاعدة جهة الدفع {rule} تغطي {ages} لكن عمر المريض غير معروف: لم يتم التحقق من حد العمر</translation>
    </message>
    <message>
      <source>payer rule {rule} covers {ages} only; patient is {age}</source>
      <comment>engine.age_restricted</comment>
      <translation>قاعدة جهة الدفع {rule} تغطي {ages} فقط؛ عمر المريض {age}</translation>
    </message>
    <message>
      <source>payer rule {rule} covers {gender} patients only; patient is {patient}</source>
      <comment>engine.gender_restricted</comment>
      <translation>قاعدة جهة الدفع {rule} تغطي المرضى من جنس ({gender}) فقط؛ جنس المريض {patient}</translation>
    </message>
    <message>
      <source>Primary {payer} pays nothing: {restriction}</source>
      <comment>engine.primary_pays_nothing</comment>
      <translation>التأمين الأساسي {payer} لا يدفع شيئًا: {restriction}</translation>
    </message>
    <message>
      <source>Secondary {payer} pays nothing: {restriction}</source>
      <comment>engine.secondary_pays_nothing</comment>
      <translation>التأمين الثانوي {payer} لا يدفع شيئًا: {restriction}</translation>
    </message>
    <message>
      <source>Payer rule copay %</source>
      <translation>نسبة التحمل في قاعدة جهة الدفع %</translation>
    </message>
    <message>
      <source>Policy copay %</source>
      <translation>نسبة التحمل في الوثيقة %</translation>
    </message>
    <message>
      <source>Payer default copay %</source>
      <translation>نسبة التحمل الافتراضية لجهة الدفع %</translation>
    </message>
    <message>
      <source>Copay</source>
      <comment>engine.copay</comment>
      <translation>نسبة التحمل</translation>
    </message>
    <message>
      <source>Secondary copay</source>
      <comment>engine.secondary_copay</comment>
      <translation>نسبة التحمل للتأمين الثانوي</translation>
    </message>
    <message>
      <source>{prefix} {pct} from payer rule {rule}</source>
      <comment>engine.pct_from_rule</comment>
      <translation>{prefix} {pct} من قاعدة جهة الدفع {rule}</translation>
    </message>
    <message>
      <source>{prefix} {pct} from policy {policy}</source>
      <comment>engine.pct_from_policy</comment>
      <translation>{prefix} {pct} من الوثيقة {policy}</translation>
    </message>
    <message>
      <source>{prefix} {pct}: {payer}'s default</source>
      <comment>engine.pct_payer_default</comment>
      <translation>{prefix} {pct}: القيمة الافتراضية لـ {payer}</translation>
    </message>
    <message>
      <source>{prefix} {pct}: standard default (no rule, policy or payer %)</source>
      <comment>engine.pct_standard_default</comment>
      <translation>{prefix} {pct}: القيمة الافتراضية القياسية (لا توجد نسبة من قاعدة أو وثيقة أو جهة دفع)</translation>
    </message>
    <message>
      <source>Out-of-network</source>
      <comment>engine.out_of_network</comment>
      <translation>خارج الشبكة</translation>
    </message>
    <message>
      <source>Secondary out-of-network</source>
      <comment>engine.secondary_out_of_network</comment>
      <translation>التأمين الثانوي خارج الشبكة</translation>
    </message>
    <message>
      <source>{label}: copay {base} → {applied}</source>
      <comment>engine.oon_raised</comment>
      <translation>{label}: نسبة التحمل {base} ← {applied}</translation>
    </message>
    <message>
      <source>{label}: copay stays {base} (already at least {floor})</source>
      <comment>engine.oon_stays</comment>
      <translation>{label}: تبقى نسبة التحمل {base} (وهي {floor} على الأقل أصلًا)</translation>
    </message>
    <message>
      <source>{payer} policy {number}</source>
      <comment>engine.policy_name</comment>
      <translation>وثيقة {payer} رقم {number}</translation>
    </message>
    <message>
      <source>female</source>
      <translation>أنثى</translation>
    </message>
    <message>
      <source>male</source>
      <translation>ذكر</translation>
    </message>
    <message>
      <source>other</source>
      <translation>آخر</translation>
    </message>
    <message>
      <source>consultation</source>
      <translation>استشارة</translation>
    </message>
    <message>
      <source>follow-up consultation</source>
      <translation>استشارة متابعة</translation>
    </message>
    <message>
      <source>emergency consultation</source>
      <translation>استشارة طارئة</translation>
    </message>
    <message>
      <source>Annual deductible</source>
      <translation>مبلغ الخصم السنوي</translation>
    </message>
    <message>
      <source>Deductible used</source>
      <translation>مبلغ الخصم المستخدم</translation>
    </message>
    <message>
      <source>Rule per-visit cap</source>
      <translation>الحد الأقصى للزيارة في القاعدة</translation>
    </message>
    <message>
      <source>Policy per-visit cap</source>
      <translation>الحد الأقصى للزيارة في الوثيقة</translation>
    </message>
    <message>
      <source>Annual copay maximum</source>
      <translation>الحد السنوي الأقصى لنسبة التحمل</translation>
    </message>
    <message>
      <source>Copay used</source>
      <translation>نسبة التحمل المستخدمة</translation>
    </message>
    <message>
      <source>Primary {policy} pays {paid}; patient share {share} (not covered)</source>
      <comment>engine.primary_not_covered</comment>
      <translation>التأمين الأساسي {policy} يدفع {paid}؛ حصة المريض {share} (غير مغطى)</translation>
    </message>
    <message>
      <source>Deductible {annual} already met for this year</source>
      <comment>engine.deductible_met</comment>
      <translation>تم استيفاء مبلغ الخصم {annual} لهذا العام</translation>
    </message>
    <message>
      <source>Deductible: {applied} applied ({left} of {annual} left this year)</source>
      <comment>engine.deductible_applied</comment>
      <translation>مبلغ الخصم: تم تطبيق {applied} (تبقّى {left} من {annual} هذا العام)</translation>
    </message>
    <message>
      <source>Coinsurance: {pct} of {base} = {copay}</source>
      <comment>engine.coinsurance</comment>
      <translation>نسبة المشاركة: {pct} من {base} = {copay}</translation>
    </message>
    <message>
      <source>payer rule</source>
      <comment>engine.cap_by_rule</comment>
      <translation>قاعدة جهة الدفع</translation>
    </message>
    <message>
      <source>policy</source>
      <comment>engine.cap_by_policy</comment>
      <translation>الوثيقة</translation>
    </message>
    <message>
      <source>Per-visit cap {cap} ({who}): copay {before} → {after}</source>
      <comment>engine.visit_cap_applied</comment>
      <translation>الحد الأقصى للزيارة {cap} ({who}): نسبة التحمل {before} ← {after}</translation>
    </message>
    <message>
      <source>Per-visit cap {cap} ({who}) not reached</source>
      <comment>engine.visit_cap_not_reached</comment>
      <translation>لم يتم بلوغ الحد الأقصى للزيارة {cap} ({who})</translation>
    </message>
    <message>
      <source>Annual copay cap {cap} reached ({used} paid this year): no copay required</source>
      <comment>engine.annual_cap_reached</comment>
      <translation>تم بلوغ الحد السنوي لنسبة التحمل {cap} (دُفع {used} هذا العام): لا يلزم دفع نسبة تحمل</translation>
    </message>
    <message>
      <source>Annual copay cap {cap}: only {left} left this year, copay {before} → {after}</source>
      <comment>engine.annual_cap_applied</comment>
      <translation>الحد السنوي لنسبة التحمل {cap}: تبقّى {left} فقط هذا العام، نسبة التحمل {before} ← {after}</translation>
    </message>
    <message>
      <source>Annual copay cap {cap}: {left} left this year</source>
      <comment>engine.annual_cap_left</comment>
      <translation>الحد السنوي لنسبة التحمل {cap}: تبقّى {left} هذا العام</translation>
    </message>
    <message>
      <source>Primary {policy} pays {paid}; patient share {share} (deductible {deductible} + copay {copay})</source>
      <comment>engine.primary_pays</comment>
      <translation>التأمين الأساسي {policy} يدفع {paid}؛ حصة المريض {share} (مبلغ الخصم {deductible} + نسبة التحمل {copay})</translation>
    </message>
    <message>
      <source>Self-pay: no insurer pre-authorisation needed</source>
      <comment>engine.preauth_self_pay</comment>
      <translation>دفع ذاتي: لا تلزم موافقة مسبقة من شركة التأمين</translation>
    </message>
    <message>
      <source>Pre-authorisation not required</source>
      <comment>engine.preauth_not_required</comment>
      <translation>الموافقة المسبقة غير مطلوبة</translation>
    </message>
    <message>
      <source>payer rule {rule}</source>
      <comment>engine.by_rule</comment>
      <translation>قاعدة جهة الدفع {rule}</translation>
    </message>
    <message>
      <source>CPT {cpt}</source>
      <comment>engine.cpt</comment>
      <translation>CPT {cpt}</translation>
    </message>
    <message>
      <source>this visit</source>
      <comment>engine.this_visit</comment>
      <translation>هذه الزيارة</translation>
    </message>
    <message>
      <source>Pre-authorisation required by {why} for {code}; none submitted</source>
      <comment>engine.preauth_missing</comment>
      <translation>الموافقة المسبقة مطلوبة من {why} لـ {code}؛ ولم يُقدَّم أي طلب</translation>
    </message>
    <message>
      <source>Pre-authorisation for {code} approved (number {number})</source>
      <comment>engine.preauth_approved_number</comment>
      <translation>تمت الموافقة المسبقة على {code} (رقم {number})</translation>
    </message>
    <message>
      <source>Pre-authorisation for {code} approved</source>
      <comment>engine.preauth_approved</comment>
      <translation>تمت الموافقة المسبقة على {code}</translation>
    </message>
    <message>
      <source>Pre-authorisation for {code} submitted (request #{request}), awaiting approval</source>
      <comment>engine.preauth_pending</comment>
      <translation>قُدّم طلب الموافقة المسبقة على {code} (الطلب رقم {request})، بانتظار الموافقة</translation>
    </message>
    <message>
      <source>Pre-authorisation for {code} denied (request #{request})</source>
      <comment>engine.preauth_denied</comment>
      <translation>رُفضت الموافقة المسبقة على {code} (الطلب رقم {request})</translation>
    </message>
    <message>
      <source>Secondary payer rule {rule} price override ignored: the primary's fee stands</source>
      <comment>engine.secondary_override_ignored</comment>
      <translation>تم تجاهل تعديل السعر حسب قاعدة جهة الدفع الثانوية {rule}: تبقى رسوم التأمين الأساسي</translation>
    </message>
    <message>
      <source>pays {amount} (not covered)</source>
      <comment>engine.cob_not_covered</comment>
      <translation>يدفع {amount} (غير مغطى)</translation>
    </message>
    <message>
      <source>Secondary {policy} (COB): {how}; patient pays {patient}</source>
      <comment>engine.secondary_cob</comment>
      <translation>التأمين الثانوي {policy} (تنسيق المنافع): {how}؛ يدفع المريض {patient}</translation>
    </message>
    <message>
      <source>Prescription quantity cannot be negative.</source>
      <comment>engine.prescription_quantity_negative</comment>
      <translation>لا يمكن أن تكون كمية الوصفة سالبة.</translation>
    </message>
    <message>
      <source>Drug price</source>
      <translation>سعر الدواء</translation>
    </message>
    <message>
      <source>Fee</source>
      <translation>الرسوم</translation>
    </message>
    <message>
      <source>VAT rate must be between 0 and 1.</source>
      <comment>engine.vat_rate_between</comment>
      <translation>يجب أن تكون نسبة ضريبة القيمة المضافة بين 0 و1.</translation>
    </message>
    <message>
      <source>{visit}: fee {fee} from the charge master ({what}, CPT {cpt})</source>
      <comment>engine.fee_charge_master_cpt</comment>
      <translation>{visit}: الرسوم {fee} من قائمة الأسعار ({what}، CPT {cpt})</translation>
    </message>
    <message>
      <source>{visit}: fee {fee} from the charge master ({what})</source>
      <comment>engine.fee_charge_master</comment>
      <translation>{visit}: الرسوم {fee} من قائمة الأسعار ({what})</translation>
    </message>
    <message>
      <source>No charge-master price for a {visit}: standard fee {fee}</source>
      <comment>engine.fee_fallback</comment>
      <translation>لا يوجد سعر في قائمة الأسعار لزيارة من نوع «{visit}»: الرسوم القياسية {fee}</translation>
    </message>
    <message>
      <source>Emergency visit: emergency rules apply</source>
      <comment>engine.emergency</comment>
      <translation>زيارة طارئة: تنطبق قواعد الطوارئ</translation>
    </message>
    <message>
      <source>Converted to self-pay at the desk: insurance not used</source>
      <comment>engine.converted_self_pay</comment>
      <translation>حُوِّل إلى الدفع الذاتي في مكتب الاستقبال: لم يُستخدم التأمين</translation>
    </message>
    <message>
      <source>Policy {number} ({payer}) expired on {day}</source>
      <comment>engine.policy_expired</comment>
      <translation>انتهت صلاحية الوثيقة {number} ({payer}) في {day}</translation>
    </message>
    <message>
      <source>Policy {number} ({payer}) is not effective until {day}</source>
      <comment>engine.policy_future</comment>
      <translation>الوثيقة {number} ({payer}) لا تسري حتى {day}</translation>
    </message>
    <message>
      <source>{policy} was rejected at manual verification: not used</source>
      <comment>engine.policy_rejected</comment>
      <translation>رُفضت {policy} في التحقق اليدوي: لم تُستخدم</translation>
    </message>
    <message>
      <source>No active primary insurance</source>
      <comment>engine.no_primary</comment>
      <translation>لا يوجد تأمين أساسي ساري</translation>
    </message>
    <message>
      <source>{policy} (priority {priority}) not used without an active primary</source>
      <comment>engine.no_primary_for</comment>
      <translation>{policy} (الأولوية {priority}) لا تُستخدم بدون تأمين أساسي ساري</translation>
    </message>
    <message>
      <source>Secondary {policy} was rejected at manual verification: not used</source>
      <comment>engine.secondary_rejected</comment>
      <translation>رُفض التأمين الثانوي {policy} في التحقق اليدوي: لم يُستخدم</translation>
    </message>
    <message>
      <source>Price override</source>
      <translation>تعديل السعر</translation>
    </message>
    <message>
      <source>Payer rule {rule} price override: fee {before} → {after}</source>
      <comment>engine.price_override</comment>
      <translation>تعديل السعر حسب قاعدة جهة الدفع {rule}: الرسوم {before} ← {after}</translation>
    </message>
    <message>
      <source>Self-pay: patient pays {fee}</source>
      <comment>engine.self_pay</comment>
      <translation>دفع ذاتي: يدفع المريض {fee}</translation>
    </message>
    <message>
      <source>{policy} (priority {priority}) not used: the quote coordinates a primary and a secondary only</source>
      <comment>engine.priority_not_used</comment>
      <translation>{policy} (الأولوية {priority}) لم تُستخدم: يُنسّق عرض السعر بين تأمين أساسي وتأمين ثانوي فقط</translation>
    </message>
    <message>
      <source>Pre-authorisation override recorded: collection allowed</source>
      <comment>engine.preauth_overridden</comment>
      <translation>تم تسجيل تجاوز الموافقة المسبقة: التحصيل مسموح</translation>
    </message>
    <message>
      <source>Insurance eligibility: {source}</source>
      <comment>engine.eligibility_source</comment>
      <translation>أهلية التأمين: {source}</translation>
    </message>
    <message>
      <source>Pharmacy estimate: {count} prescription(s), {total} × {pct} = {estimate} (collected at the pharmacy)</source>
      <comment>engine.pharmacy</comment>
      <translation>تقدير الصيدلية: {count} وصفة (وصفات)، {total} × {pct} = {estimate} (تُحصَّل في الصيدلية)</translation>
    </message>
    <message>
      <source>VAT {pct} included: {fee_vat} in the fee, {vat} in the patient amount</source>
      <comment>engine.vat</comment>
      <translation>ضريبة القيمة المضافة {pct} مشمولة: {fee_vat} ضمن الرسوم، و{vat} ضمن المبلغ المستحق على المريض</translation>
    </message>
    <message>
      <source>Deposit balance {deposit} covers the patient amount</source>
      <comment>engine.deposit_covers</comment>
      <translation>رصيد الوديعة {deposit} يغطي المبلغ المستحق على المريض</translation>
    </message>
    <message>
      <source>Deposit balance {deposit} does not cover the patient amount</source>
      <comment>engine.deposit_short</comment>
      <translation>رصيد الوديعة {deposit} لا يغطي المبلغ المستحق على المريض</translation>
    </message>
  </context>
</TS>
