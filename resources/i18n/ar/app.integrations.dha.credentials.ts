<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>A hospital code is needed to store DHA credentials.</source>
      <comment>credentials.hospital_code_needed_store</comment>
      <translation>يلزم رمز المستشفى لحفظ بيانات اعتماد DHA.</translation>
    </message>
    <message>
      <source>facility id</source>
      <comment>credentials.facility_id</comment>
      <translation>معرّف المنشأة</translation>
    </message>
    <message>
      <source>facility licence</source>
      <comment>credentials.facility_licence</comment>
      <translation>ترخيص المنشأة</translation>
    </message>
    <message>
      <source>login</source>
      <comment>credentials.login</comment>
      <translation>اسم الدخول</translation>
    </message>
    <message>
      <source>password / API key</source>
      <comment>credentials.password</comment>
      <translation>كلمة المرور / مفتاح API</translation>
    </message>
    <message>
      <source>The DHA eClaimLink {label} must be text.</source>
      <comment>credentials.dha_eclaimlink_label_text</comment>
      <translation>يجب أن يكون {label} الخاص بـ DHA eClaimLink نصًا.</translation>
    </message>
    <message>
      <source>The DHA eClaimLink {label}</source>
      <comment>credentials.field</comment>
      <translation>{label} الخاص بـ DHA eClaimLink</translation>
    </message>
    <message>
      <source>The DHA eClaimLink {label} can have at most 256 characters.</source>
      <comment>credentials.dha_eclaimlink_label_most</comment>
      <translation>يمكن أن يحتوي {label} الخاص بـ DHA eClaimLink على 256 حرفًا كحد أقصى.</translation>
    </message>
    <message>
      <source>Enter the DHA eClaimLink {missing}.</source>
      <comment>credentials.enter_dha_eclaimlink_join</comment>
      <translation>أدخل {missing} الخاص بـ DHA eClaimLink.</translation>
    </message>
    <message>
      <source>DHA answers are SIMULATED by ClinicDesk's built-in sandbox.</source>
      <comment>credentials.mock</comment>
      <translation>ردود DHA محاكاة (SIMULATED) من بيئة الاختبار المدمجة في ClinicDesk.</translation>
    </message>
    <message>
      <source>DHA eClaimLink is not set up; insurance must be verified manually.</source>
      <comment>credentials.not_set_up</comment>
      <translation>لم يتم إعداد DHA eClaimLink؛ يجب التحقق من التأمين يدويًا.</translation>
    </message>
    <message>
      <source>DHA eClaimLink is set to {mode} but no credentials are stored in this computer's keyring; enter the facility id, licence, login and password in Settings. Until then insurance must be verified manually.</source>
      <comment>credentials.no_credentials</comment>
      <translation>تم ضبط DHA eClaimLink على {mode} ولكن لا توجد بيانات اعتماد محفوظة في مخزن كلمات المرور على هذا الكمبيوتر؛ أدخل معرّف المنشأة والترخيص واسم الدخول وكلمة المرور في الإعدادات. وحتى ذلك الحين يجب التحقق من التأمين يدويًا.</translation>
    </message>
    <message>
      <source>DHA eClaimLink is set to {mode} but has no address; enter it in Settings.</source>
      <comment>credentials.no_address</comment>
      <translation>تم ضبط DHA eClaimLink على {mode} ولكن بدون عنوان؛ أدخله في الإعدادات.</translation>
    </message>
    <message>
      <source>{problem} Until then insurance must be verified manually.</source>
      <comment>credentials.unsafe_address</comment>
      <translation>{problem} وحتى ذلك الحين يجب التحقق من التأمين يدويًا.</translation>
    </message>
    <message>
      <source>Verified via DHA eClaimLink.</source>
      <comment>credentials.live</comment>
      <translation>تم التحقق عبر DHA eClaimLink.</translation>
    </message>
    <message>
      <source>DHA eClaimLink test environment.</source>
      <comment>credentials.test</comment>
      <translation>بيئة اختبار DHA eClaimLink.</translation>
    </message>
  </context>
</TS>
