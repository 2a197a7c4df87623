<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>C&amp;ash</source>
      <translation>&amp;نقداً</translation>
    </message>
    <message>
      <source>C&amp;redit Card</source>
      <translation>بطاقة ا&amp;ئتمان</translation>
    </message>
    <message>
      <source>De&amp;bit Card</source>
      <translation>بطاقة &amp;خصم مباشر</translation>
    </message>
    <message>
      <source>&amp;Patient Deposit</source>
      <translation>&amp;وديعة المريض</translation>
    </message>
    <message>
      <source>Pre-authorisation approved</source>
      <translation>تمت الموافقة المسبقة</translation>
    </message>
    <message>
      <source>Pre-authorisation pending</source>
      <translation>الموافقة المسبقة قيد الانتظار</translation>
    </message>
    <message>
      <source>Pre-authorisation denied</source>
      <translation>رُفضت الموافقة المسبقة</translation>
    </message>
    <message>
      <source>Pre-authorisation required — not submitted</source>
      <translation>الموافقة المسبقة مطلوبة — لم يُقدَّم الطلب</translation>
    </message>
    <message>
      <source>Pre-authorisation not required</source>
      <translation>لا تلزم موافقة مسبقة</translation>
    </message>
    <message>
      <source>Health insurance is mandatory in the UAE (in Dubai under the DHA health insurance law): ask the patient for their insurance card. Until insurance is added, the patient pays the full fee.</source>
      <translation>التأمين الصحي إلزامي في دولة الإمارات (وفي دبي بموجب قانون التأمين الصحي لهيئة الصحة بدبي): اطلب من المريض بطاقة التأمين. إلى أن يُضاف التأمين، يدفع المريض الرسوم كاملة.</translation>
    </message>
    <message>
      <source>Copay collected and patient checked in</source>
      <translation>تم تحصيل نسبة التحمل وتسجيل وصول المريض</translation>
    </message>
    <message>
      <source>Copay waived and patient checked in</source>
      <translation>تم الإعفاء من نسبة التحمل وتسجيل وصول المريض</translation>
    </message>
    <message>
      <source>Copay deferred and patient checked in</source>
      <translation>تم تأجيل نسبة التحمل وتسجيل وصول المريض</translation>
    </message>
    <message>
      <source>Patient checked in</source>
      <translation>تم تسجيل وصول المريض</translation>
    </message>
    <message>
      <source>In network</source>
      <translation>داخل الشبكة</translation>
    </message>
    <message>
      <source>Out of network</source>
      <translation>خارج الشبكة</translation>
    </message>
    <message>
      <source>checked in</source>
      <translation>تم تسجيل وصوله</translation>
    </message>
    <message>
      <source>in consultation</source>
      <translation>في الاستشارة</translation>
    </message>
    <message>
      <source>cancelled</source>
      <translation>ملغى</translation>
    </message>
    <message>
      <source>completed</source>
      <translation>مكتمل</translation>
    </message>
    <message>
      <source>no show</source>
      <translation>لم يحضر</translation>
    </message>
    <message>
      <source>collected</source>
      <translation>حُصّلت</translation>
    </message>
    <message>
      <source>waived</source>
      <translation>أُعفي منها</translation>
    </message>
    <message>
      <source>deferred</source>
      <translation>أُجّلت</translation>
    </message>
    <message>
      <source>Female</source>
      <translation>أنثى</translation>
    </message>
    <message>
      <source>Male</source>
      <translation>ذكر</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>آخر</translation>
    </message>
    <message>
      <source>Consultation</source>
      <translation>استشارة</translation>
    </message>
    <message>
      <source>Emergency consultation</source>
      <translation>استشارة طارئة</translation>
    </message>
    <message>
      <source>Follow-up consultation</source>
      <translation>استشارة متابعة</translation>
    </message>
    <message>
      <source>The policy on file has expired.</source>
      <translation>انتهت صلاحية الوثيقة المسجّلة.</translation>
    </message>
    <message>
      <source>The policy on file was rejected at manual verification.</source>
      <translation>رُفضت الوثيقة المسجّلة عند التحقق اليدوي.</translation>
    </message>
    <message>
      <source>This visit was converted to self-pay.</source>
      <translation>حُوّلت هذه الزيارة إلى الدفع الذاتي.</translation>
    </message>
    <message>
      <source>Pharmacy copay is estimated and collected separately at the pharmacy</source>
      <translation>نسبة التحمل للصيدلية تقديرية وتُحصَّل بشكل منفصل في الصيدلية</translation>
    </message>
    <message>
      <source>insurer adjudicated {portion} for the visit of {date}; {collected} collected</source>
      <translation>حددت شركة التأمين {portion} على المريض لزيارة {date}؛ تم تحصيل {collected}</translation>
    </message>
    <message>
      <source>Balance from earlier visits: {amount} ({visits}).</source>
      <translation>رصيد مستحق من زيارات سابقة: {amount} ({visits}).</translation>
    </message>
    <message>
      <source>Balance from earlier visit: {amount} ({visits}).</source>
      <translation>رصيد مستحق من زيارة سابقة: {amount} ({visits}).</translation>
    </message>
    <message>
      <source>It is not included in today's amount: tell the patient, and collect it only if they agree.</source>
      <translation>هذا الرصيد غير مشمول في مبلغ اليوم: أبلغ المريض، ولا تحصّله إلا بموافقته.</translation>
    </message>
    <message>
      <source>Copay collection</source>
      <translation>تحصيل نسبة التحمل</translation>
    </message>
    <message>
      <source>Calculating the copay…</source>
      <translation>جارٍ حساب نسبة التحمل…</translation>
    </message>
    <message>
      <source>Try again</source>
      <translation>إعادة المحاولة</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>إغلاق</translation>
    </message>
    <message>
      <source>Updating…</source>
      <translation>جارٍ التحديث…</translation>
    </message>
    <message>
      <source>Error</source>
      <translation>خطأ</translation>
    </message>
    <message>
      <source>&amp;Collect</source>
      <translation>&amp;تحصيل</translation>
    </message>
    <message>
      <source>&amp;Waive…</source>
      <translation>إ&amp;عفاء…</translation>
    </message>
    <message>
      <source>&amp;Defer</source>
      <translation>&amp;تأجيل</translation>
    </message>
    <message>
      <source>Continue to Check-in</source>
      <translation>متابعة تسجيل الوصول</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>إلغاء</translation>
    </message>
    <message>
      <source>Updating the quote…</source>
      <translation>جارٍ تحديث التسعيرة…</translation>
    </message>
    <message>
      <source>Copay collection — {patient} ({mrn})</source>
      <translation>تحصيل نسبة التحمل — {patient} ({mrn})</translation>
    </message>
    <message>
      <source>Also collect the balance from earlier visits ({amount})</source>
      <translation>تحصيل الرصيد المستحق من الزيارات السابقة أيضاً ({amount})</translation>
    </message>
    <message>
      <source>{age} y</source>
      <translation>{age} سنة</translation>
    </message>
    <message>
      <source>age unknown</source>
      <translation>العمر غير معروف</translation>
    </message>
    <message>
      <source>Emirates ID {eid}</source>
      <translation>الهوية الإماراتية {eid}</translation>
    </message>
    <message>
      <source>no Emirates ID on file</source>
      <translation>لا توجد هوية إماراتية مسجّلة</translation>
    </message>
    <message>
      <source>(emergency)</source>
      <translation>(طوارئ)</translation>
    </message>
    <message>
      <source>Emergency</source>
      <translation>طوارئ</translation>
    </message>
    <message>
      <source>MRN</source>
      <translation>الرقم الطبي</translation>
    </message>
    <message>
      <source>Patient</source>
      <translation>المريض</translation>
    </message>
    <message>
      <source>Insurance:</source>
      <translation>التأمين:</translation>
    </message>
    <message>
      <source>none — self-pay</source>
      <translation>لا يوجد — دفع ذاتي</translation>
    </message>
    <message>
      <source>policy {number}</source>
      <translation>الوثيقة {number}</translation>
    </message>
    <message>
      <source>Secondary:</source>
      <translation>الثانوي:</translation>
    </message>
    <message>
      <source>Insurance</source>
      <translation>التأمين</translation>
    </message>
    <message>
      <source>No Insurance on File</source>
      <translation>لا يوجد تأمين مسجّل</translation>
    </message>
    <message>
      <source>Add &amp;Insurance…</source>
      <translation>إضافة &amp;تأمين…</translation>
    </message>
    <message>
      <source>Enter the policy from the patient's insurance card; the copay is then calculated with the insurer (Alt+I)</source>
      <translation>أدخل الوثيقة من بطاقة تأمين المريض؛ ثم تُحسب نسبة التحمل مع شركة التأمين (Alt+I)</translation>
    </message>
    <message>
      <source>{title} — number {number}</source>
      <translation>{title} — الرقم {number}</translation>
    </message>
    <message>
      <source>Override recorded by an administrator — collection allowed.</source>
      <translation>سجّل أحد المسؤولين تجاوزاً — التحصيل مسموح.</translation>
    </message>
    <message>
      <source>Collection is blocked until the pre-authorisation is approved, overridden by an administrator, or the visit is converted to self-pay.</source>
      <translation>التحصيل موقوف حتى تتم الموافقة المسبقة، أو يتجاوزها أحد المسؤولين، أو تُحوَّل الزيارة إلى الدفع الذاتي.</translation>
    </message>
    <message>
      <source>Pre-authorisation</source>
      <translation>الموافقة المسبقة</translation>
    </message>
    <message>
      <source>Re&amp;quest Pre-Auth…</source>
      <translation>&amp;طلب موافقة مسبقة…</translation>
    </message>
    <message>
      <source>Override (Admin)…</source>
      <translation>تجاوز (المسؤول)…</translation>
    </message>
    <message>
      <source>Convert to Self-Pay…</source>
      <translation>تحويل إلى الدفع الذاتي…</translation>
    </message>
    <message>
      <source>the insurer</source>
      <translation>شركة التأمين</translation>
    </message>
    <message>
      <source>this visit</source>
      <translation>هذه الزيارة</translation>
    </message>
    <message>
      <source>Send {insurer} a pre-authorisation request for {code}; the panel then shows it as pending (Alt+Q)</source>
      <translation>إرسال طلب موافقة مسبقة إلى {insurer} لـ {code}؛ ثم تظهر في اللوحة قيد الانتظار (Alt+Q)</translation>
    </message>
    <message>
      <source>Let the desk collect although the pre-authorisation is missing; the reason is audited</source>
      <translation>السماح بالتحصيل رغم عدم وجود الموافقة المسبقة؛ يُسجَّل السبب في سجل التدقيق</translation>
    </message>
    <message>
      <source>Bill this visit to the patient instead of the insurer (full fee {fee})</source>
      <translation>تحميل هذه الزيارة على المريض بدلاً من شركة التأمين (الرسوم الكاملة {fee})</translation>
    </message>
    <message>
      <source>Fee breakdown</source>
      <translation>تفصيل الرسوم</translation>
    </message>
    <message>
      <source>{what} — standard fee (no charge-master price)</source>
      <translation>{what} — الرسوم القياسية (لا يوجد سعر في قائمة الأسعار)</translation>
    </message>
    <message>
      <source>Charge-master price</source>
      <translation>السعر في قائمة الأسعار</translation>
    </message>
    <message>
      <source>{what} — payer's negotiated price</source>
      <translation>{what} — السعر المتفق عليه مع شركة التأمين</translation>
    </message>
    <message>
      <source>Self-pay: the patient pays 100%</source>
      <translation>دفع ذاتي: يدفع المريض 100%</translation>
    </message>
    <message>
      <source>restricted</source>
      <translation>مقيّد</translation>
    </message>
    <message>
      <source>Not covered: {reason}</source>
      <translation>غير مشمول بالتغطية: {reason}</translation>
    </message>
    <message>
      <source>100% patient</source>
      <translation>100% على المريض</translation>
    </message>
    <message>
      <source>Deductible applied</source>
      <translation>مبلغ الخصم المطبّق</translation>
    </message>
    <message>
      <source>Copay {pct} (out of network, raised from {base})</source>
      <translation>نسبة التحمل {pct} (خارج الشبكة، رُفعت من {base})</translation>
    </message>
    <message>
      <source>Copay {pct}</source>
      <translation>نسبة التحمل {pct}</translation>
    </message>
    <message>
      <source>Per-visit cap applied ({cap})</source>
      <translation>تم تطبيق الحد لكل زيارة ({cap})</translation>
    </message>
    <message>
      <source>Limited by the annual copay cap</source>
      <translation>محدودة بالحد السنوي لنسبة التحمل</translation>
    </message>
    <message>
      <source>{payer} pays (coverage {pct})</source>
      <translation>حصة {payer} (التغطية {pct})</translation>
    </message>
    <message>
      <source>{payer} pays (secondary, COB)</source>
      <translation>حصة {payer} (ثانوي، تنسيق المنافع)</translation>
    </message>
    <message>
      <source>VAT {pct} included</source>
      <translation>شاملة ضريبة القيمة المضافة {pct}</translation>
    </message>
    <message>
      <source>VAT (not charged on this service)</source>
      <translation>ضريبة القيمة المضافة (لا تُفرض على هذه الخدمة)</translation>
    </message>
    <message>
      <source>Patient pays</source>
      <translation>يدفع المريض</translation>
    </message>
    <message>
      <source>Coordination of benefits</source>
      <translation>تنسيق المنافع</translation>
    </message>
    <message>
      <source>Primary insurance</source>
      <translation>التأمين الأساسي</translation>
    </message>
    <message>
      <source>Provider</source>
      <translation>شركة التأمين</translation>
    </message>
    <message>
      <source>Policy</source>
      <translation>الوثيقة</translation>
    </message>
    <message>
      <source>Network</source>
      <translation>الشبكة</translation>
    </message>
    <message>
      <source>Coverage</source>
      <translation>التغطية</translation>
    </message>
    <message>
      <source>Copay</source>
      <translation>نسبة التحمل</translation>
    </message>
    <message>
      <source>Insurance pays</source>
      <translation>حصة شركة التأمين</translation>
    </message>
    <message>
      <source>Patient responsibility</source>
      <translation>المبلغ المستحق على المريض</translation>
    </message>
    <message>
      <source>Secondary insurance (COB)</source>
      <translation>التأمين الثانوي (تنسيق المنافع)</translation>
    </message>
    <message>
      <source>Applied to remaining</source>
      <translation>مطبّق على المتبقي</translation>
    </message>
    <message>
      <source>Secondary copay</source>
      <translation>نسبة التحمل الثانوية</translation>
    </message>
    <message>
      <source>Secondary pays</source>
      <translation>حصة التأمين الثانوي</translation>
    </message>
    <message>
      <source>Final patient amount</source>
      <translation>المبلغ النهائي على المريض</translation>
    </message>
    <message>
      <source>Annual limits</source>
      <translation>الحدود السنوية</translation>
    </message>
    <message>
      <source>Annual deductible</source>
      <translation>مبلغ الخصم السنوي</translation>
    </message>
    <message>
      <source> · this visit {amount}</source>
      <translation>· هذه الزيارة {amount}</translation>
    </message>
    <message>
      <source>Deductible met for this year</source>
      <translation>تم استيفاء مبلغ الخصم لهذا العام</translation>
    </message>
    <message>
      <source>No annual deductible.</source>
      <translation>لا يوجد مبلغ خصم سنوي.</translation>
    </message>
    <message>
      <source>Annual copay cap</source>
      <translation>الحد السنوي لنسبة التحمل</translation>
    </message>
    <message>
      <source>Annual copay cap reached — no copay required!</source>
      <translation>تم بلوغ الحد السنوي لنسبة التحمل — لا يلزم دفع نسبة تحمل!</translation>
    </message>
    <message>
      <source>No annual copay cap.</source>
      <translation>لا يوجد حد سنوي لنسبة التحمل.</translation>
    </message>
    <message>
      <source>Pharmacy copay estimate ({pct} of {total})</source>
      <translation>تقدير نسبة التحمل للصيدلية ({pct} من {total})</translation>
    </message>
    <message>
      <source>Pharmacy copay estimate</source>
      <translation>تقدير نسبة التحمل للصيدلية</translation>
    </message>
    <message>
      <source>Consultation copay</source>
      <translation>نسبة التحمل للاستشارة</translation>
    </message>
    <message>
      <source>Estimated total patient cost</source>
      <translation>التكلفة الإجمالية التقديرية على المريض</translation>
    </message>
    <message>
      <source>No active prescriptions</source>
      <translation>لا توجد وصفات طبية نشطة</translation>
    </message>
    <message>
      <source>{count} active prescription</source>
      <translation>وصفة طبية نشطة واحدة ({count})</translation>
    </message>
    <message>
      <source>{count} active prescriptions</source>
      <translation>{count} وصفات طبية نشطة</translation>
    </message>
    <message>
      <source>Estimated Total Visit Cost</source>
      <translation>التكلفة الإجمالية التقديرية للزيارة</translation>
    </message>
    <message>
      <source>Pharmacy estimate</source>
      <translation>تقدير الصيدلية</translation>
    </message>
    <message>
      <source>How was this calculated?</source>
      <translation>كيف تم حساب هذا المبلغ؟</translation>
    </message>
    <message>
      <source>Payment method</source>
      <translation>طريقة الدفع</translation>
    </message>
    <message>
      <source>Amount &amp;tendered</source>
      <translation>المبلغ الم&amp;دفوع نقداً</translation>
    </message>
    <message>
      <source>e.g. 100</source>
      <translation>مثل 100</translation>
    </message>
    <message>
      <source>Amount tendered</source>
      <translation>المبلغ المدفوع نقداً</translation>
    </message>
    <message>
      <source>Change due</source>
      <translation>الباقي المستحق</translation>
    </message>
    <message>
      <source>Appro&amp;val code</source>
      <translation>رمز المو&amp;افقة</translation>
    </message>
    <message>
      <source>from the slip</source>
      <translation>من إيصال الجهاز</translation>
    </message>
    <message>
      <source>Card approval code</source>
      <translation>رمز موافقة البطاقة</translation>
    </message>
    <message>
      <source>Card &amp;last 4 digits</source>
      <translation>آ&amp;خر 4 أرقام من البطاقة</translation>
    </message>
    <message>
      <source>Card last 4 digits</source>
      <translation>آخر 4 أرقام من البطاقة</translation>
    </message>
    <message>
      <source>Collect the earlier balance</source>
      <translation>تحصيل الرصيد السابق</translation>
    </message>
    <message>
      <source>Tick only if the patient agrees to pay it now; the receipt shows it as its own line.</source>
      <translation>ضع علامة فقط إذا وافق المريض على دفعه الآن؛ يظهر في الإيصال في سطر مستقل.</translation>
    </message>
    <message>
      <source>&amp;Patient Deposit (balance {balance})</source>
      <translation>&amp;وديعة المريض (الرصيد {balance})</translation>
    </message>
    <message>
      <source>Deposit balance {balance} is less than the copay {amount}.</source>
      <translation>رصيد الوديعة {balance} أقل من المبلغ المستحق {amount}.</translation>
    </message>
    <message>
      <source>Patient Deposit unavailable: {reason}</source>
      <translation>وديعة المريض غير متاحة: {reason}</translation>
    </message>
    <message>
      <source>{amount} short</source>
      <translation>ينقص {amount}</translation>
    </message>
    <message>
      <source>Change due {amount}</source>
      <translation>الباقي المستحق {amount}</translation>
    </message>
    <message>
      <source>This appointment is already {status}; there is nothing to collect here.</source>
      <translation>هذا الموعد {status} بالفعل؛ لا يوجد ما يُحصَّل هنا.</translation>
    </message>
    <message>
      <source>The copay was already {decided} ({amount}). Continue to check the patient in.</source>
      <translation>نسبة التحمل سبق أن {decided} ({amount}). تابع لتسجيل وصول المريض.</translation>
    </message>
    <message>
      <source>The copay was already {decided}. Continue to check the patient in.</source>
      <translation>نسبة التحمل سبق أن {decided}. تابع لتسجيل وصول المريض.</translation>
    </message>
    <message>
      <source>&amp;Collect {amount}</source>
      <translation>&amp;تحصيل {amount}</translation>
    </message>
    <message>
      <source>&amp;Collect Self-Pay {amount}</source>
      <translation>&amp;تحصيل الدفع الذاتي {amount}</translation>
    </message>
    <message>
      <source>Choose a payment method.</source>
      <translation>اختر طريقة الدفع.</translation>
    </message>
    <message>
      <source>Collecting…</source>
      <translation>جارٍ التحصيل…</translation>
    </message>
    <message>
      <source>Waive copay</source>
      <translation>الإعفاء من نسبة التحمل</translation>
    </message>
    <message>
      <source>Why is the copay of {amount} waived? The reason is kept in the insurance audit log.</source>
      <translation>لماذا يُعفى المريض من نسبة التحمل البالغة {amount}؟ يُحفظ السبب في سجل تدقيق التأمين.</translation>
    </message>
    <message>
      <source>Waive</source>
      <translation>إعفاء</translation>
    </message>
    <message>
      <source>Waiving…</source>
      <translation>جارٍ الإعفاء…</translation>
    </message>
    <message>
      <source>Deferring…</source>
      <translation>جارٍ التأجيل…</translation>
    </message>
    <message>
      <source>Checking in…</source>
      <translation>جارٍ تسجيل الوصول…</translation>
    </message>
    <message>
      <source>{done} — token #{token}.</source>
      <translation>{done} — رقم الدور {token}.</translation>
    </message>
    <message>
      <source>Token #{token}</source>
      <translation>رقم الدور {token}</translation>
    </message>
    <message>
      <source>Checked in — token #{token}. {patient} is in the live queue, awaiting vitals.</source>
      <translation>تم تسجيل الوصول — رقم الدور {token}. {patient} في قائمة الانتظار بانتظار قياس العلامات الحيوية.</translation>
    </message>
    <message>
      <source>Override pre-authorisation</source>
      <translation>تجاوز الموافقة المسبقة</translation>
    </message>
    <message>
      <source>{reason}. Why may the desk collect anyway? The override is kept in the audit log.</source>
      <translation>{reason}. لماذا يُسمح بالتحصيل رغم ذلك؟ يُحفظ التجاوز في سجل التدقيق.</translation>
    </message>
    <message>
      <source>Override</source>
      <translation>تجاوز</translation>
    </message>
    <message>
      <source>Recording the override…</source>
      <translation>جارٍ تسجيل التجاوز…</translation>
    </message>
    <message>
      <source>Convert to self-pay</source>
      <translation>تحويل إلى الدفع الذاتي</translation>
    </message>
    <message>
      <source>The patient will pay the full fee of {fee} for this visit. Why?</source>
      <translation>سيدفع المريض الرسوم الكاملة {fee} لهذه الزيارة. ما السبب؟</translation>
    </message>
    <message>
      <source>Convert</source>
      <translation>تحويل</translation>
    </message>
    <message>
      <source>Converting to self-pay…</source>
      <translation>جارٍ التحويل إلى الدفع الذاتي…</translation>
    </message>
    <message>
      <source>Checking the insurance with DHA…</source>
      <translation>جارٍ التحقق من التأمين لدى هيئة الصحة بدبي…</translation>
    </message>
  </context>
</TS>
