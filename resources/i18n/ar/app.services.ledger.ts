<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
  <context>
    <name>ClinicDesk</name>
    <message>
      <source>A deposit cannot be topped up from the deposit itself.</source>
      <comment>ledger.deposit_cannot_topped_up</comment>
      <translation>لا يمكن شحن رصيد الإيداع من الإيداع نفسه.</translation>
    </message>
    <message>
      <source>the amount</source>
      <comment>ledger.insufficient_amount</comment>
      <translation>المبلغ</translation>
    </message>
    <message>
      <source>There is no patient {patient_id} at this hospital.</source>
      <comment>ledger.no_patient_hospital</comment>
      <translation>لا يوجد مريض رقم {patient_id} في هذا المستشفى.</translation>
    </message>
    <message>
      <source>Deposit balance {balance} is less than {insufficient} {delta}; nothing was charged.</source>
      <comment>ledger.deposit_balance_less_nothing</comment>
      <translation>رصيد الإيداع {balance} أقل من {insufficient} {delta}؛ لم يتم تحصيل أي مبلغ.</translation>
    </message>
    <message>
      <source>Cash can only be taken or paid out with a cash drawer shift open on this workstation. Open a shift first (Cash drawer, Ctrl+Shift+4); nothing was charged.</source>
      <comment>ledger.no_shift</comment>
      <translation>لا يمكن استلام النقد أو صرفه إلا بوجود وردية درج نقدية مفتوحة على محطة العمل هذه. افتح وردية أولًا (درج النقدية، Ctrl+Shift+4)؛ لم يتم تحصيل أي مبلغ.</translation>
    </message>
    <message>
      <source>The drawer should hold {expected_cash} in cash, less than the {amount} to pay out; pay it another way or from another drawer. Nothing was paid.</source>
      <comment>ledger.drawer_should_hold_cash</comment>
      <translation>يُفترض أن يحتوي الدرج على {expected_cash} نقدًا، وهو أقل من مبلغ الصرف {amount}؛ ادفعه بطريقة أخرى أو من درج آخر. لم يُدفع شيء.</translation>
    </message>
    <message>
      <source>Journal line on {code} has a negative amount.</source>
      <comment>ledger.journal_line_negative_amount</comment>
      <translation>سطر القيد على الحساب {code} يحتوي على مبلغ سالب.</translation>
    </message>
    <message>
      <source>Journal line on {code} is both a debit and a credit.</source>
      <comment>ledger.journal_line_both_debit</comment>
      <translation>سطر القيد على الحساب {code} مدين ودائن في آن واحد.</translation>
    </message>
    <message>
      <source>The journal entry '{memo}' does not balance: debits {debits} vs credits {credits}.</source>
      <comment>ledger.journal_entry_does_not</comment>
      <translation>القيد '{memo}' غير متوازن: المدين {debits} مقابل الدائن {credits}.</translation>
    </message>
    <message>
      <source>The chart of accounts has no active account {missing}; an administrator must add it before this can be posted.</source>
      <comment>ledger.chart_accounts_no_active</comment>
      <translation>لا يحتوي دليل الحسابات على حساب نشط {missing}؛ يجب أن يضيفه المسؤول قبل الترحيل.</translation>
    </message>
    <message>
      <source>The {fiscal_year} deductible ledger of this policy holds AED {have_d} deductible and AED {have_c} copay, less than the AED {d_delta} and AED {c_delta} to take off. The ledger was changed since the payment; ask an administrator to check it.</source>
      <comment>ledger.deductible_ledger_policy_holds</comment>
      <translation>سجل مبلغ الخصم لعام {fiscal_year} لهذه الوثيقة يحتوي على AED {have_d} مبلغ خصم وAED {have_c} مبالغ مستحقة على المريض، وهذا أقل من AED {d_delta} وAED {c_delta} المطلوب خصمهما. تغيّر السجل منذ الدفع؛ اطلب من المسؤول مراجعته.</translation>
    </message>
  </context>
</TS>
